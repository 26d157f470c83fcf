import { defineMessages } from './catalog';

/** Identity verification. */
export const identityMessages = defineMessages({
  'zh-CN': {
    'identity.intro': '为保护您的信息，查看账户情况前需要先确认身份。您的信息只用于核对，不会显示给其他人。',
    'identity.askMobile': '请输入您在我们这里登记的手机号码（11位）：',
    'identity.retryMobile': '这个号码格式不对。请输入11位手机号码，例如 138 0000 0000：',
    'identity.askIdLast6': '请输入您身份证号码的后6位（最后一位可能是X）。如果想改用短信验证码，请回复"验证码"：',
    'identity.retryIdLast6': '需要身份证号码的最后6位，例如 12345X。请再输入一次，或回复"验证码"改用短信验证：',
    'identity.codeSent': '验证码已发送到 {mobile}，{minutes} 分钟内有效。请输入收到的6位数字。我们的工作人员不会向您索要验证码。',
    'identity.askCode': '请输入短信里的6位验证码：',
    'identity.retryCode': '验证码是6位数字，请再输入一次：',
    'identity.verified': '身份已确认，谢谢您。',
    'identity.noMatch': '您输入的信息和我们的记录对不上。您还可以再试 {remaining} 次。',
    'identity.codeWrong': '验证码不正确或已失效。您还可以再试 {remaining} 次。',
    'identity.locked':
      '为保护您的账户，身份验证已暂时锁定，{until} 后可以再试。如果着急，可以转人工客服帮您处理。',
    'identity.unavailable': '抱歉，暂时无法连接账户系统完成验证。请稍后再试，或转人工客服。',
  },
  'zh-TW': {
    'identity.intro': '為保護您的資訊，查看帳戶情況前需要先確認身分。您的資訊只用於核對，不會顯示給其他人。',
    'identity.askMobile': '請輸入您在我們這裡登記的手機號碼（11位）：',
    'identity.retryMobile': '這個號碼格式不對。請輸入11位手機號碼，例如 138 0000 0000：',
    'identity.askIdLast6': '請輸入您身分證號碼的後6位（最後一位可能是X）。如果想改用簡訊驗證碼，請回覆「驗證碼」：',
    'identity.retryIdLast6': '需要身分證號碼的最後6位，例如 12345X。請再輸入一次，或回覆「驗證碼」改用簡訊驗證：',
    'identity.codeSent': '驗證碼已傳送到 {mobile}，{minutes} 分鐘內有效。請輸入收到的6位數字。我們的工作人員不會向您索取驗證碼。',
    'identity.askCode': '請輸入簡訊裡的6位驗證碼：',
    'identity.retryCode': '驗證碼是6位數字，請再輸入一次：',
    'identity.verified': '身分已確認，謝謝您。',
    'identity.noMatch': '您輸入的資訊和我們的紀錄對不上。您還可以再試 {remaining} 次。',
    'identity.codeWrong': '驗證碼不正確或已失效。您還可以再試 {remaining} 次。',
    'identity.locked': '為保護您的帳戶，身分驗證已暫時鎖定，{until} 後可以再試。如果著急，可以轉人工客服幫您處理。',
    'identity.unavailable': '抱歉，暫時無法連接帳戶系統完成驗證。請稍後再試，或轉人工客服。',
  },
  en: {
    'identity.intro':
      'To protect your information, I need to confirm who you are before showing anything about your account. What you enter is only used for the check.',
    'identity.askMobile': 'Please enter the mobile number registered with us (11 digits):',
    'identity.retryMobile': "That doesn't look like a mobile number. Please enter the 11 digits, e.g. 138 0000 0000:",
    'identity.askIdLast6': 'Please enter the last 6 characters of your ID card number (the last one may be X). To use an SMS code instead, reply "code":',
    'identity.retryIdLast6': 'I need the last 6 characters of your ID number, e.g. 12345X. Please try again, or reply "code" to use an SMS code:',
    'identity.codeSent': 'A code was sent to {mobile}; it is valid for {minutes} minutes. Please enter the 6 digits. Our staff will never ask you for this code.',
    'identity.askCode': 'Please enter the 6-digit code from the SMS:',
    'identity.retryCode': 'The code has 6 digits. Please enter it again:',
    'identity.verified': 'Thank you, you are verified.',
    'identity.noMatch': "What you entered doesn't match our records. You can try {remaining} more time(s).",
    'identity.codeWrong': 'That code is wrong or has expired. You can try {remaining} more time(s).',
    'identity.locked': 'To protect your account, verification is locked until {until}. If it is urgent, a person can help you now.',
    'identity.unavailable': "Sorry, I can't reach the account system to verify you right now. Please try again later, or talk to a person.",
  },
});
