import { defineMessages } from './catalog';

/**
 * Information answers: lawsuit threats, doorstep visits, credit reports, how to repay, checking a caller.
 * Every fact here comes from shared/docs/domain.md; legal points say "generally" (一般).
 */
export const guidanceMessages = defineMessages({
  'zh-CN': {
    'guidance.lawsuit.criminal':
      '欠钱还不上，本身不会坐牢：逾期属于民事纠纷，贷款机构能做的是按规定催收、报送征信、向法院起诉。只有在特殊情况下才可能涉及刑事责任，例如借款时就虚构事实、打算不还（贷款诈骗），或者法院判决后明明有能力履行却拒不执行。',
    'guidance.lawsuit.check': '核实有没有真的起诉：拨打当地区号 + 12368，或在“人民法院在线服务”→“我的案件”里查询。真正的法院文书由法院发出（12368 短信、EMS“法院专递”或当面签收），律师函和催收的电话都不是。',
    'guidance.lawsuit.facts':
      '先别慌。借款逾期一般属于民事纠纷。真正的法院文书由法院发出（12368 短信、“人民法院在线服务”、EMS“法院专递”或当面签收）。您可以自己核实：拨打当地区号 + 12368，或在“人民法院在线服务”→“我的案件”里查询。律师函不是法院文书，它本身不代表已经起诉。',
    'guidance.lawsuit.papers':
      '如果您手上是法院的文书（传票、应诉通知书、开庭短信），先按上面的方法核实真假。核实是真的，请不要置之不理，按文书上的时间和要求回应法院；适合调解的纠纷，法院一般会先组织调解，这期间也可以继续和我们协商还款。具体怎么应对，可以咨询律师或当地的法律援助。',
    'guidance.lawsuit.paymentOrder': '收到法院的支付令，可以在收到之日起 15 天内清偿，或者向法院书面提出异议；既不清偿也不提出异议，对方可以申请强制执行。',
    'guidance.lawsuit.mediation': '诉前调解是真实存在的程序：法院会把适合的纠纷先交给调解，诉前调解一般为 30 天；调解不是判决。接到“调解中心”或调解员的联系，可以拨打当地区号 + 12368 或通过“人民法院在线服务”核实。无论对方是谁，都不要向个人账户转账。',
    'guidance.lawsuit.lists': '失信被执行人名单（常说的“老赖”名单）和限制高消费，只会在法院判决之后的强制执行阶段出现：失信名单针对有能力履行却拒不履行的人；限制高消费限制的是本人付费坐飞机、软卧、住星级酒店、买房买车、旅游和子女上私立学校等，还清后可以申请解除。逾期本身不会让您上失信名单，也不会直接被限制高消费。有没有这类记录，可以在中国执行信息公开网（zxgk.court.gov.cn）查询。',
    'guidance.lawsuit.impersonation': '法院、公安不会打电话让您把钱转到个人账户。有人自称法院、公安等公职人员要您转账，很可能是诈骗：请不要转账，可以拨打 110 报警，或拨打 96110 咨询；法院的事可以拨打当地区号 + 12368 核实。',
    'guidance.lawsuit.threat':
      '如果有催收人员说您会因为逾期被追究刑事责任，这种说法一般不符合事实；用这种话施压也违反催收规定。您可以投诉，我来帮您记录。',
    'guidance.lawsuit.stage.none': '我查了您的账户：目前没有律师函、调解或起诉记录。',
    'guidance.lawsuit.stage.lawyer_letter': '我查了您的账户：{date} 发出过一封律师函{party}。律师函不是法院文书，目前系统里没有起诉记录。',
    'guidance.lawsuit.stage.mediation':
      '我查了您的账户：自 {date} 起处于诉前调解{party}。调解不是判决；有人以调解名义联系您时，可以通过 12368 或“人民法院在线服务”核实。',
    'guidance.lawsuit.stage.caseFiled':
      '我查了您的账户：{date} 已向 {court} 起诉，案号 {caseNumber}。您可以通过当地区号 + 12368 或“人民法院在线服务”→“我的案件”核实。案件进行中仍可以协商还款，也建议您咨询律师或法律援助。',
    'guidance.lawsuit.stage.judgment':
      '我查了您的账户：{court} 已于 {date} 作出判决，案号 {caseNumber}。具体内容以法院文书为准，可通过 12368 核实；如有疑问，建议咨询律师或法律援助。',
    'guidance.lawsuit.stage.enforcement':
      '我查了您的账户：案件（{court}，案号 {caseNumber}）自 {date} 起处于法院执行阶段。执行由法院负责，可向法院或通过 12368 了解情况；还款安排可以和我们沟通。',
    'guidance.lawsuit.next': '您可以申请协商还款，或转人工（法务相关问题会转给专门的同事）。',

    'guidance.visit.facts':
      '听到有人要上门，担心是很正常的，我们一起看看。催收人员不是执法人员，没有强制执行的权力。按银行业协会的催收指引，合规的外访应当至少两人、出示工作证件和授权，22:00 至次日 08:00 不得催收（您同意的除外），不得威胁，不得冒充公职人员。',
    'guidance.visit.posting': '催收指引还明确禁止在公共场所张贴催收告示或律师函。遇到这种情况，可以拍照留存，然后投诉。',
    'guidance.visit.thirdParty': '找到您单位、家人或亲友那里，对与借款无关的人，对方只能请他们转告或问您的联系方式，不能向领导、同事、家人透露您的欠款；只有联系不上您本人时，才可以联系其他人。遇到这种情况，可以投诉。',
    'guidance.visit.rights': '您有权：要求对方出示证件和授权；不让对方进门。如果对方威胁您、强行进入或冒充公职人员，请立即拨打 110。',
    'guidance.visit.scheduled': '我查了您的账户：确实安排了一次外访，时间 {time}（{zone}），地点：{place}，{staff} 名工作人员（{assignee}）。时间不方便或有疑问，可以转人工。',
    'guidance.visit.none': '我查了您的账户：目前没有安排外访。如果有人自称要来，可以先通过官方 App 或转人工核实。',
    'guidance.visit.place.home': '住所',
    'guidance.visit.place.workplace': '工作单位',
    'guidance.visit.place.other': '其他地点',
    'guidance.visit.next': '如果来访人员有不当行为，您可以投诉；也可以申请协商还款，或转人工。',

    'guidance.credit.consequences':
      '逾期一般会带来这些后果：按合同产生罚息；贷款机构会按规定联系您催收；逾期记录可能报送征信；长期不还的，贷款机构可以向法院提起民事诉讼。逾期属于民事纠纷，不会因为还不上钱被抓。尽早联系我们商量还款安排，是减少影响最好的办法。',
    'guidance.credit.intro': '关于征信：',
    'guidance.credit.notice': '上报逾期等负面信息前，贷款机构应当先通知您。',
    'guidance.credit.retention': '负面记录一般自不良行为结束之日起保存 5 年，期满删除；保存期间，您可以对记录附上自己的说明。',
    'guidance.credit.access': '每人每年可以免费查询 2 次本人信用报告：征信中心网站 ipcrs.pbccrc.org.cn、人民银行分支机构的柜台，或不少银行的网银和 App。',
    'guidance.credit.dispute': '发现记录有误，可以向征信中心或贷款机构提出异议，对方应在 20 天内书面答复。',
    'guidance.credit.scam': '任何收费“征信修复”“洗白征信”的服务都是骗局，请不要付钱。',
    'guidance.credit.noDeletion': '如实报送的逾期记录不能人为删除，我们和任何机构都不能替您删掉；还清欠款可以避免再产生新的逾期记录。只有记录有错时，才能提出异议更正。',
    'guidance.credit.oneTimeRepair': '人民银行 2025 年 12 月公布的一次性信用修复：2020 年 1 月 1 日至 2025 年 12 月 31 日期间产生、单笔不超过 1 万元、并在 2026 年 3 月 31 日前全额还清的逾期记录，不在征信报告中展示；自动办理，不用申请，不收费。您的记录是否适用，以您自己查到的征信报告为准，我这里没法判断或承诺。',
    'guidance.credit.overdue':
      '我查了您的账户：目前有 {count} 笔借款逾期（最长 {days} 天，逾期金额共 {amount}）。还清逾期金额，或与我们商定还款方案并按时履约，可以避免继续产生新的逾期记录。已经产生的记录会按规定期限保存。',
    'guidance.credit.current': '我查了您的账户：目前没有逾期。按时还款就不会产生新的逾期记录。',
    'guidance.credit.next': '您可以查询欠款、申请协商还款，或转人工。',

    'guidance.repay.channels': '请只通过官方渠道还款：我们的官方 App 里的还款页面。我们绝不会让您把钱转到任何个人账户；有人这样要求，请不要转账，可以拨打 110 报警或 96110 咨询。',
    'guidance.repay.early': '想提前还款：请在官方 App 的借款详情里查看是否支持以及应还金额，费用以您的合同为准；拿不准可以转人工确认。',
    'guidance.repay.autodebit': '自动扣款或还款失败：请检查绑定银行卡的余额和状态，然后在官方 App 里再手动还款。',
    'guidance.repay.appDown': '官方 App 打不开或登录不了：请不要因此改用别的渠道转账。可以稍后再试，或把 App 更新到最新版本；急着还款的话可以转人工，客服核实您的账户后帮您处理。',
    'guidance.repay.methods': '能用哪些付款方式，以官方 App 还款页面上显示的为准；拿不准可以转人工确认。',
    'guidance.repay.notPosted': '已经还了但显示未还：请保留付款凭证（转账记录或截图），先不要重复还款，转人工后客服会帮您核查。',
    'guidance.repay.postingTime': '还款多久到账，以官方 App 还款页面上的提示为准（不同付款方式可能不同）。超过提示的时间还没显示，请保留付款凭证，先不要重复还款，转人工后客服会帮您核查。',
    'guidance.repay.stillOverdue': '我查了您的账户：【{product}】目前仍显示逾期 {amount}，系统里还没有看到能抵掉它的还款。如果您已经付了款，请保留凭证，先不要重复还款，转人工核查。',
    'guidance.repay.overdueNow': '我查了您的账户：【{product}】目前逾期 {amount}。',
    'guidance.repay.doubleCharged': '还款被重复扣款或多扣了：请保留扣款记录（银行短信或流水截图），先不要再还款；转人工后客服会帮您核对。',
    'guidance.repay.nextDue': '我查了您的账户：【{product}】下次还款日 {date}，应还 {amount}。',
    'guidance.repay.next': '您可以查询欠款、申请分期，或转人工核查还款。',

    'guidance.scam.facts':
      '核实要点：我们绝不会要求您把钱转到个人账户，也不会打电话或发消息向您索要密码或短信验证码；还款只通过官方 App。对方让您转账到个人账户、点陌生链接或提供验证码，很可能是诈骗：请不要操作，可以拨打 110 报警，或拨打 96110 咨询。',
    'guidance.scam.askNumber': '如果您有对方的号码，请发给我，我帮您核对是不是我们的官方号码；没有就点“没有号码”。',
    'guidance.scam.retryNumber': '这看起来不像电话号码。请输入对方的手机号、座机或 400 号码；没有就点“没有号码”。',
    'guidance.scam.noNumber': '没有号码',
    'guidance.scam.needVerify': '核对号码要按您账户分配的团队来核对，需要先确认您的身份。现在验证吗？',
    'guidance.scam.yes': '好，现在验证',
    'guidance.scam.no': '不验证',
    'guidance.scam.lenderOfficial': '{number} 是我们的官方号码之一。即便如此，也请只通过官方 App 还款；我们绝不会让您转账到个人账户。',
    'guidance.scam.spoofed': '但是，对方要您把钱转到个人账户，或交钱办理停息挂账：这一定不是我们。来电号码可以伪造，请不要转账；已经转了，请马上拨打 110 报警，也可以拨打 96110 咨询。停息挂账不是法定权利；要您先交钱才能办理停息挂账的，是常见的骗局。',
    'guidance.scam.notLenderOfficial': '{number} 不在我们的官方号码名单上。请不要按对方要求转账或提供信息；对方要钱的话，请拨打 110 报警或 96110 咨询。',
    'guidance.scam.offerVerify': '确认身份后，我还可以按负责您账户的团队的官方号码再核对一次。现在验证吗？',
    'guidance.scam.cannotCheck': '好的。不确认身份我没法按负责您账户的团队核对这个号码。请通过官方 App 联系我们确认，不要用来电或短信里给的号码和链接。',
    'guidance.scam.official': '{number} 是负责您账户的“{name}”的官方号码。即便如此，也请只通过官方 App 还款。',
    'guidance.scam.notOfficial':
      '{number} 不是负责您账户的团队的官方号码（官方号码：{phones}）。请不要按对方要求转账或提供信息；对方要钱的话，请拨打 110 报警或 96110 咨询。',
    'guidance.scam.noAssignmentNumber': '您的账户目前没有分配催收团队，所以 {number} 不是我们为您安排的催收号码。对方要钱的话，请不要转账，拨打 110 报警或 96110 咨询。',
    'guidance.scam.lenderNotTeam':
      '{number} 是我们的官方号码之一，但不是负责您账户的团队的号码（该团队的官方号码：{phones}）。请只通过官方 App 还款，不要转账到个人账户。',
    'guidance.scam.lenderNoAssignment':
      '{number} 是我们的官方号码之一，但您的账户目前没有分配催收团队，所以它不是我们为您安排的催收号码。请只通过官方 App 还款，不要转账到个人账户。',
    'guidance.scam.assignment': '您的账户目前由“{name}”（{kind}）负责催收。',
    'guidance.scam.noAssignment': '您的账户目前没有分配催收团队。',
    'guidance.scam.kind.internal_team': '我们的贷后团队',
    'guidance.scam.kind.agency': '我们委托的催收机构',
    'guidance.scam.next': '需要的话可以转人工，或投诉可疑的来电。',

    'guidance.verifyHint': '想看看您账户的实际情况，可以先确认身份。',
    'guidance.stillApplies': '我上一条回复里说的要点都还适用，这里不再重复。',
    'guidance.stillAppliesMost': '我上一条回复里说的都还适用，最要紧的是这几点：',
    'guidance.button.verify': '确认身份，看我的账户',
    'guidance.button.complaintThreat': '投诉催收人员的威胁',
    'guidance.button.complaintVisit': '投诉来访人员',
    'guidance.button.complaintCaller': '投诉可疑来电',
  },
  'zh-TW': {
    'guidance.lawsuit.criminal':
      '欠錢還不上，本身不會坐牢：逾期屬於民事糾紛，貸款機構能做的是按規定催收、報送徵信、向法院起訴。只有在特殊情況下才可能涉及刑事責任，例如借款時就虛構事實、打算不還（貸款詐騙），或者法院判決後明明有能力履行卻拒不執行。',
    'guidance.lawsuit.check': '核實有沒有真的起訴：撥打當地區號 + 12368，或在「人民法院在線服務」→「我的案件」裡查詢。真正的法院文書由法院發出（12368 簡訊、EMS「法院專遞」或當面簽收），律師函和催收的電話都不是。',
    'guidance.lawsuit.facts':
      '先別慌。借款逾期一般屬於民事糾紛。真正的法院文書由法院發出（12368 簡訊、「人民法院在線服務」、EMS「法院專遞」或當面簽收）。您可以自己核實：撥打當地區號 + 12368，或在「人民法院在線服務」→「我的案件」裡查詢。律師函不是法院文書，它本身不代表已經起訴。',
    'guidance.lawsuit.papers':
      '如果您手上是法院的文書（傳票、應訴通知書、開庭簡訊），先按上面的方法核實真假。核實是真的，請不要置之不理，按文書上的時間和要求回應法院；適合調解的糾紛，法院一般會先組織調解，這期間也可以繼續和我們協商還款。具體怎麼應對，可以諮詢律師或當地的法律援助。',
    'guidance.lawsuit.paymentOrder': '收到法院的支付令，可以在收到之日起 15 天內清償，或者向法院書面提出異議；既不清償也不提出異議，對方可以申請強制執行。',
    'guidance.lawsuit.mediation': '訴前調解是真實存在的程序：法院會把適合的糾紛先交給調解，訴前調解一般為 30 天；調解不是判決。接到「調解中心」或調解員的聯繫，可以撥打當地區號 + 12368 或透過「人民法院在線服務」核實。無論對方是誰，都不要向個人帳戶轉帳。',
    'guidance.lawsuit.lists': '失信被執行人名單（常說的「老賴」名單）和限制高消費，只會在法院判決之後的強制執行階段出現：失信名單針對有能力履行卻拒不履行的人；限制高消費限制的是本人付費坐飛機、軟臥、住星級酒店、買房買車、旅遊和子女上私立學校等，還清後可以申請解除。逾期本身不會讓您上失信名單，也不會直接被限制高消費。有沒有這類紀錄，可以在中國執行信息公開網（zxgk.court.gov.cn）查詢。',
    'guidance.lawsuit.impersonation': '法院、公安不會打電話讓您把錢轉到個人帳戶。有人自稱法院、公安等公職人員要您轉帳，很可能是詐騙：請不要轉帳，可以撥打 110 報警，或撥打 96110 諮詢；法院的事可以撥打當地區號 + 12368 核實。',
    'guidance.lawsuit.threat':
      '如果有催收人員說您會因為逾期被追究刑事責任，這種說法一般不符合事實；用這種話施壓也違反催收規定。您可以投訴，我來幫您記錄。',
    'guidance.lawsuit.stage.none': '我查了您的帳戶：目前沒有律師函、調解或起訴紀錄。',
    'guidance.lawsuit.stage.lawyer_letter': '我查了您的帳戶：{date} 發出過一封律師函{party}。律師函不是法院文書，目前系統裡沒有起訴紀錄。',
    'guidance.lawsuit.stage.mediation':
      '我查了您的帳戶：自 {date} 起處於訴前調解{party}。調解不是判決；有人以調解名義聯繫您時，可以透過 12368 或「人民法院在線服務」核實。',
    'guidance.lawsuit.stage.caseFiled':
      '我查了您的帳戶：{date} 已向 {court} 起訴，案號 {caseNumber}。您可以透過當地區號 + 12368 或「人民法院在線服務」→「我的案件」核實。案件進行中仍可以協商還款，也建議您諮詢律師或法律援助。',
    'guidance.lawsuit.stage.judgment':
      '我查了您的帳戶：{court} 已於 {date} 作出判決，案號 {caseNumber}。具體內容以法院文書為準，可透過 12368 核實；如有疑問，建議諮詢律師或法律援助。',
    'guidance.lawsuit.stage.enforcement':
      '我查了您的帳戶：案件（{court}，案號 {caseNumber}）自 {date} 起處於法院執行階段。執行由法院負責，可向法院或透過 12368 了解情況；還款安排可以和我們溝通。',
    'guidance.lawsuit.next': '您可以申請協商還款，或轉真人客服（法務相關問題會轉給專門的同事）。',

    'guidance.visit.facts':
      '聽到有人要上門，擔心是很正常的，我們一起看看。催收人員不是執法人員，沒有強制執行的權力。按銀行業協會的催收指引，合規的外訪應當至少兩人、出示工作證件和授權，22:00 至次日 08:00 不得催收（您同意的除外），不得威脅，不得冒充公職人員。',
    'guidance.visit.posting': '催收指引還明確禁止在公共場所張貼催收告示或律師函。遇到這種情況，可以拍照留存，然後投訴。',
    'guidance.visit.thirdParty': '找到您單位、家人或親友那裡，對與借款無關的人，對方只能請他們轉告或問您的聯繫方式，不能向主管、同事、家人透露您的欠款；只有聯繫不上您本人時，才可以聯繫其他人。遇到這種情況，可以投訴。',
    'guidance.visit.rights': '您有權：要求對方出示證件和授權；不讓對方進門。如果對方威脅您、強行進入或冒充公職人員，請立即撥打 110。',
    'guidance.visit.scheduled': '我查了您的帳戶：確實安排了一次外訪，時間 {time}（{zone}），地點：{place}，{staff} 名工作人員（{assignee}）。時間不方便或有疑問，可以轉真人客服。',
    'guidance.visit.none': '我查了您的帳戶：目前沒有安排外訪。如果有人自稱要來，可以先透過官方 App 或轉真人客服核實。',
    'guidance.visit.place.home': '住所',
    'guidance.visit.place.workplace': '工作單位',
    'guidance.visit.place.other': '其他地點',
    'guidance.visit.next': '如果來訪人員有不當行為，您可以投訴；也可以申請協商還款，或轉真人客服。',

    'guidance.credit.consequences':
      '逾期一般會帶來這些後果：按合約產生罰息；貸款機構會按規定聯繫您催收；逾期紀錄可能報送徵信；長期不還的，貸款機構可以向法院提起民事訴訟。逾期屬於民事糾紛，不會因為還不上錢被抓。儘早聯繫我們商量還款安排，是減少影響最好的辦法。',
    'guidance.credit.intro': '關於徵信：',
    'guidance.credit.notice': '上報逾期等負面資訊前，貸款機構應當先通知您。',
    'guidance.credit.retention': '負面紀錄一般自不良行為結束之日起保存 5 年，期滿刪除；保存期間，您可以對紀錄附上自己的說明。',
    'guidance.credit.access': '每人每年可以免費查詢 2 次本人信用報告：徵信中心網站 ipcrs.pbccrc.org.cn、人民銀行分支機構的櫃台，或不少銀行的網銀和 App。',
    'guidance.credit.dispute': '發現紀錄有誤，可以向徵信中心或貸款機構提出異議，對方應在 20 天內書面答覆。',
    'guidance.credit.scam': '任何收費「徵信修復」「洗白徵信」的服務都是騙局，請不要付錢。',
    'guidance.credit.noDeletion': '如實報送的逾期紀錄不能人為刪除，我們和任何機構都不能替您刪掉；還清欠款可以避免再產生新的逾期紀錄。只有紀錄有錯時，才能提出異議更正。',
    'guidance.credit.oneTimeRepair': '人民銀行 2025 年 12 月公布的一次性信用修復：2020 年 1 月 1 日至 2025 年 12 月 31 日期間產生、單筆不超過 1 萬元、並在 2026 年 3 月 31 日前全額還清的逾期紀錄，不在徵信報告中展示；自動辦理，不用申請，不收費。您的紀錄是否適用，以您自己查到的徵信報告為準，我這裡沒法判斷或承諾。',
    'guidance.credit.overdue':
      '我查了您的帳戶：目前有 {count} 筆借款逾期（最長 {days} 天，逾期金額共 {amount}）。還清逾期金額，或與我們商定還款方案並按時履約，可以避免繼續產生新的逾期紀錄。已經產生的紀錄會按規定期限保存。',
    'guidance.credit.current': '我查了您的帳戶：目前沒有逾期。按時還款就不會產生新的逾期紀錄。',
    'guidance.credit.next': '您可以查詢欠款、申請協商還款，或轉真人客服。',

    'guidance.repay.channels': '請只透過官方管道還款：我們的官方 App 裡的還款頁面。我們絕不會讓您把錢轉到任何個人帳戶；有人這樣要求，請不要轉帳，可以撥打 110 報警或 96110 諮詢。',
    'guidance.repay.early': '想提前還款：請在官方 App 的借款詳情裡查看是否支援以及應還金額，費用以您的合約為準；拿不準可以轉真人客服確認。',
    'guidance.repay.autodebit': '自動扣款或還款失敗：請檢查綁定銀行卡的餘額和狀態，然後在官方 App 裡再手動還款。',
    'guidance.repay.appDown': '官方 App 打不開或登入不了：請不要因此改用別的管道轉帳。可以稍後再試，或把 App 更新到最新版本；急著還款的話可以轉真人客服，客服核實您的帳戶後幫您處理。',
    'guidance.repay.methods': '能用哪些付款方式，以官方 App 還款頁面上顯示的為準；拿不準可以轉真人客服確認。',
    'guidance.repay.notPosted': '已經還了但顯示未還：請保留付款憑證（轉帳紀錄或截圖），先不要重複還款，轉真人客服後客服會幫您核查。',
    'guidance.repay.postingTime': '還款多久到帳，以官方 App 還款頁面上的提示為準（不同付款方式可能不同）。超過提示的時間還沒顯示，請保留付款憑證，先不要重複還款，轉真人客服後客服會幫您核查。',
    'guidance.repay.stillOverdue': '我查了您的帳戶：【{product}】目前仍顯示逾期 {amount}，系統裡還沒有看到能抵掉它的還款。如果您已經付了款，請保留憑證，先不要重複還款，轉真人客服核查。',
    'guidance.repay.overdueNow': '我查了您的帳戶：【{product}】目前逾期 {amount}。',
    'guidance.repay.doubleCharged': '還款被重複扣款或多扣了：請保留扣款紀錄（銀行簡訊或流水截圖），先不要再還款；轉真人客服後客服會幫您核對。',
    'guidance.repay.nextDue': '我查了您的帳戶：【{product}】下次還款日 {date}，應還 {amount}。',
    'guidance.repay.next': '您可以查詢欠款、申請分期，或轉真人客服核查還款。',

    'guidance.scam.facts':
      '核實要點：我們絕不會要求您把錢轉到個人帳戶，也不會打電話或傳訊息向您索要密碼或簡訊驗證碼；還款只透過官方 App。對方讓您轉帳到個人帳戶、點陌生連結或提供驗證碼，很可能是詐騙：請不要操作，可以撥打 110 報警，或撥打 96110 諮詢。',
    'guidance.scam.askNumber': '如果您有對方的號碼，請發給我，我幫您核對是不是我們的官方號碼；沒有就點「沒有號碼」。',
    'guidance.scam.retryNumber': '這看起來不像電話號碼。請輸入對方的手機號、市話或 400 號碼；沒有就點「沒有號碼」。',
    'guidance.scam.noNumber': '沒有號碼',
    'guidance.scam.needVerify': '核對號碼要按您帳戶分配的團隊來核對，需要先確認您的身分。現在驗證嗎？',
    'guidance.scam.yes': '好，現在驗證',
    'guidance.scam.no': '不驗證',
    'guidance.scam.lenderOfficial': '{number} 是我們的官方號碼之一。即便如此，也請只透過官方 App 還款；我們絕不會讓您轉帳到個人帳戶。',
    'guidance.scam.spoofed': '但是，對方要您把錢轉到個人帳戶，或交錢辦理停息掛帳：這一定不是我們。來電號碼可以偽造，請不要轉帳；已經轉了，請馬上撥打 110 報警，也可以撥打 96110 諮詢。停息掛帳不是法定權利；要您先交錢才能辦理停息掛帳的，是常見的騙局。',
    'guidance.scam.notLenderOfficial': '{number} 不在我們的官方號碼名單上。請不要按對方要求轉帳或提供資訊；對方要錢的話，請撥打 110 報警或 96110 諮詢。',
    'guidance.scam.offerVerify': '確認身分後，我還可以按負責您帳戶的團隊的官方號碼再核對一次。現在驗證嗎？',
    'guidance.scam.cannotCheck': '好的。不確認身分我沒法按負責您帳戶的團隊核對這個號碼。請透過官方 App 聯繫我們確認，不要用來電或簡訊裡給的號碼和連結。',
    'guidance.scam.official': '{number} 是負責您帳戶的「{name}」的官方號碼。即便如此，也請只透過官方 App 還款。',
    'guidance.scam.notOfficial':
      '{number} 不是負責您帳戶的團隊的官方號碼（官方號碼：{phones}）。請不要按對方要求轉帳或提供資訊；對方要錢的話，請撥打 110 報警或 96110 諮詢。',
    'guidance.scam.noAssignmentNumber': '您的帳戶目前沒有分配催收團隊，所以 {number} 不是我們為您安排的催收號碼。對方要錢的話，請不要轉帳，撥打 110 報警或 96110 諮詢。',
    'guidance.scam.lenderNotTeam':
      '{number} 是我們的官方號碼之一，但不是負責您帳戶的團隊的號碼（該團隊的官方號碼：{phones}）。請只透過官方 App 還款，不要轉帳到個人帳戶。',
    'guidance.scam.lenderNoAssignment':
      '{number} 是我們的官方號碼之一，但您的帳戶目前沒有分配催收團隊，所以它不是我們為您安排的催收號碼。請只透過官方 App 還款，不要轉帳到個人帳戶。',
    'guidance.scam.assignment': '您的帳戶目前由「{name}」（{kind}）負責催收。',
    'guidance.scam.noAssignment': '您的帳戶目前沒有分配催收團隊。',
    'guidance.scam.kind.internal_team': '我們的貸後團隊',
    'guidance.scam.kind.agency': '我們委託的催收機構',
    'guidance.scam.next': '需要的話可以轉真人客服，或投訴可疑的來電。',

    'guidance.verifyHint': '想看看您帳戶的實際情況，可以先確認身分。',
    'guidance.stillApplies': '我上一則回覆裡說的要點都還適用，這裡不再重複。',
    'guidance.stillAppliesMost': '我上一則回覆裡說的都還適用，最要緊的是這幾點：',
    'guidance.button.verify': '確認身分，看我的帳戶',
    'guidance.button.complaintThreat': '投訴催收人員的威脅',
    'guidance.button.complaintVisit': '投訴來訪人員',
    'guidance.button.complaintCaller': '投訴可疑來電',
  },
  en: {
    'guidance.lawsuit.criminal':
      "Not being able to pay does not send anyone to prison by itself: being overdue is a civil matter, and what a lender can do is collect within the rules, report to the credit bureau and sue in a civil court. Criminal liability needs more than that, for example lying to get the loan with no intention of paying it back (loan fraud), or refusing to obey a court judgment while able to pay.",
    'guidance.lawsuit.check':
      'To check whether a case has really been filed: call your local area code + 12368, or look under 人民法院在线服务 → 我的案件. Real court documents come from the court (a 12368 text message, EMS "法院专递" post, or hand delivery); a lawyer\'s letter or a collector\'s call is not one.',
    'guidance.lawsuit.facts':
      "Please don't panic. An overdue loan is generally a civil matter. Real court documents come from the court (a 12368 text message, the 人民法院在线服务 platform, EMS \"法院专递\" post, or hand delivery). You can check yourself: call your local area code + 12368, or look under 人民法院在线服务 → 我的案件. A lawyer's letter is not a court document and does not by itself mean a case has been filed.",
    'guidance.lawsuit.papers':
      'If what you have are court papers (a summons, a notice to respond, a hearing SMS), first check that they are real as above. If they are, please do not ignore them: answer the court by the date and in the way the papers say. Courts generally try mediation first for disputes that suit it, and you can keep working out a repayment plan with us meanwhile. For your own case, a lawyer or local legal aid can advise you.',
    'guidance.lawsuit.paymentOrder': 'A court payment order (支付令) gives you 15 days from receiving it to pay or to file a written objection with the court; if you do neither, the lender may apply for enforcement.',
    'guidance.lawsuit.mediation': 'Pre-litigation mediation is a real procedure: courts send suitable disputes to mediation first, and it normally lasts 30 days; mediation is not a judgment. If a "mediation centre" or a mediator contacts you, check it by calling the local area code + 12368 or through 人民法院在线服务 (People\'s Court Online Service). Whoever they are, never transfer money to a personal account.',
    'guidance.lawsuit.lists': "The defaulter list (失信被执行人) and restricted-consumption orders only come at the enforcement stage, after a court judgment: the list is for people who can pay and refuse; a restricted-consumption order bars paying for flights, soft sleepers, star-rated hotels, buying property or cars, holidays and private-school fees, and can be lifted once the debt is paid. Being overdue does not by itself put you on the list or under such an order. You can check for such records at 中国执行信息公开网 (zxgk.court.gov.cn).",
    'guidance.lawsuit.impersonation': 'Courts and the police do not phone you to have money paid into a personal account. Someone who says they are from a court or the police and asks you to pay is most likely a scammer: do not pay, call 110 to report it or 96110 for advice, and check any court matter on your local area code + 12368.',
    'guidance.lawsuit.threat':
      'If a collector told you that being overdue will bring criminal charges, that is generally not true, and pressuring you that way breaks the collection rules. You can complain, and I can write it down for you.',
    'guidance.lawsuit.stage.none': "I checked your account: there is no lawyer's letter, mediation or court case on it.",
    'guidance.lawsuit.stage.lawyer_letter': "I checked your account: a lawyer's letter was sent on {date}{party}. A lawyer's letter is not a court document; there is no court case on your account.",
    'guidance.lawsuit.stage.mediation':
      'I checked your account: it has been in pre-litigation mediation since {date}{party}. Mediation is not a judgment; if someone contacts you in the name of mediation, you can check through 12368 or 人民法院在线服务.',
    'guidance.lawsuit.stage.caseFiled':
      'I checked your account: a case was filed with {court} on {date}, case number {caseNumber}. You can check it through your local area code + 12368 or 人民法院在线服务 → 我的案件. You can still discuss repayment while the case runs, and a lawyer or legal aid can advise you.',
    'guidance.lawsuit.stage.judgment':
      'I checked your account: {court} gave a judgment on {date}, case number {caseNumber}. The court documents are what count; you can check through 12368, and a lawyer or legal aid can advise you.',
    'guidance.lawsuit.stage.enforcement':
      'I checked your account: the case ({court}, case number {caseNumber}) has been with the court for enforcement since {date}. The court handles enforcement; you can ask the court or call 12368. You can still talk to us about repayment.',
    'guidance.lawsuit.next': 'You can ask about a repayment plan, or talk to a person (legal questions go to a specialist).',

    'guidance.visit.facts':
      "It's natural to be worried when someone says they will come to you; let's look at it together. Collectors are not law enforcement and have no power to enforce anything. Under the banking association guideline, a proper visit needs at least two staff with identification and authorisation, no collection between 22:00 and 08:00 unless you agree, no threats, and no pretending to be officials.",
    'guidance.visit.posting': 'The collection guideline also forbids posting collection notices or lawyer\'s letters in public places. If that happens, take photos and complain.',
    'guidance.visit.thirdParty': 'At your workplace, or with your family or friends, collectors may only ask people unrelated to the loan to pass on a message or for your contact details; they must not tell your boss, colleagues or family about your debt, and may contact others only when they cannot reach you. If that happens, you can complain.',
    'guidance.visit.rights': 'You may ask for their ID and authorisation, and you do not have to let them in. If they threaten you, force their way in or pretend to be officials, call 110 right away.',
    'guidance.visit.scheduled': 'I checked your account: a visit is scheduled for {time} ({zone}), place: {place}, {staff} staff ({assignee}). If the time does not suit you or you have questions, talk to a person.',
    'guidance.visit.none': 'I checked your account: no visit is scheduled. If someone says they are coming, check first through the official app or with a person.',
    'guidance.visit.place.home': 'your home',
    'guidance.visit.place.workplace': 'your workplace',
    'guidance.visit.place.other': 'another place',
    'guidance.visit.next': 'If visitors behave improperly you can complain; you can also ask about a repayment plan or talk to a person.',

    'guidance.credit.consequences':
      'Being overdue usually means: penalty interest under your contract; collection contact from the lender, within the rules; the overdue record may go on your credit report; and if it stays unpaid for long, the lender can sue in a civil court. Being overdue is a civil matter: nobody is arrested for being unable to pay. Talking to us early about a repayment arrangement is the best way to limit the effects.',
    'guidance.credit.intro': 'About your credit report:',
    'guidance.credit.notice': 'The lender must tell you before it reports negative information.',
    'guidance.credit.retention': 'Negative records are generally kept for 5 years from when the overdue ends, and deleted after that; meanwhile you can add your own statement to the record.',
    'guidance.credit.access': 'You get 2 free reports a year: ipcrs.pbccrc.org.cn (PBOC Credit Reference Center), a PBOC branch counter, or many banks\' online banking and apps.',
    'guidance.credit.dispute': 'If something is wrong, you can dispute it with the Credit Reference Center or the lender, who must answer in writing within 20 days.',
    'guidance.credit.scam': 'Anyone charging a fee to "repair" or "clean" your credit report is running a scam. Please do not pay them.',
    'guidance.credit.noDeletion': 'An overdue record that was reported correctly cannot be deleted by hand: neither we nor anyone else can remove it for you. Paying off the debt stops new overdue records. Only a wrong record can be disputed and corrected.',
    'guidance.credit.oneTimeRepair': 'The one-time credit repair the PBOC announced in December 2025 covers overdue records that arose between 1 Jan 2020 and 31 Dec 2025, each of ¥10,000 or less, and repaid in full by 31 Mar 2026: they are not shown in the credit report. It is automatic, with no application and no fee. Whether your record is covered is what your own credit report shows; I cannot judge or promise it.',
    'guidance.credit.overdue':
      'I checked your account: {count} {count:loan is|loans are} overdue now (up to {days} {days:day|days}; {amount} overdue in all). Repaying the overdue amount, or agreeing a repayment plan with us and keeping to it, stops further overdue records. Records already reported stay for the period the rules set.',
    'guidance.credit.current': 'I checked your account: nothing is overdue. Paying on time means no new overdue records.',
    'guidance.credit.next': 'You can check what you owe, ask about a repayment plan, or talk to a person.',

    'guidance.repay.channels': 'Please repay only through official channels: the repayment page in our official app. We will never ask you to transfer money to any personal account; if someone does, do not pay, and call 110 to report it or 96110 for advice.',
    'guidance.repay.early': 'Early repayment: check in the loan details of the official app whether it is available and how much is due; fees follow your contract. A person can confirm if you are unsure.',
    'guidance.repay.autodebit': 'Auto-debit or repayment failed: check the balance and status of the linked bank card, then repay by hand in the official app again.',
    'guidance.repay.appDown': "The official app won't open or log in: please don't pay through any other channel because of it. Try again a little later, or update the app to its latest version; if the payment is urgent, a person can check your account and help you.",
    'guidance.repay.methods': "Which ways of paying you can use is what the repayment page of the official app shows; if in doubt, a person can confirm.",
    'guidance.repay.notPosted': 'Paid but it still shows unpaid: keep the payment receipt (transfer record or screenshot) and do not pay twice; a person can check the payment for you.',
    'guidance.repay.postingTime': 'How long a payment takes to show is on the repayment page of the official app (it can differ by payment method). If it has not shown by then, keep the receipt, do not pay again, and a person will check it.',
    'guidance.repay.stillOverdue': 'I checked your account: [{product}] still shows {amount} overdue, and no payment that clears it has reached the system yet. If you have paid, keep the receipt, do not pay again, and let a person check it.',
    'guidance.repay.overdueNow': 'I checked your account: [{product}] has {amount} overdue.',
    'guidance.repay.doubleCharged': 'Charged twice or too much: keep the debit records (bank text messages or statement) and do not pay again; a person can check it for you.',
    'guidance.repay.nextDue': 'I checked your account: [{product}] next due on {date}, amount {amount}.',
    'guidance.repay.next': 'You can check what you owe, ask about an installment plan, or have a person check a payment.',

    'guidance.scam.facts':
      'How to check: we never ask you to transfer money to a personal account, and never call or message you to ask for passwords or text-message codes; repayment goes only through the official app. If someone asks you to pay a personal account, open an unknown link or give a code, it is likely a scam: stop, call 110 to report it, or 96110 for advice.',
    'guidance.scam.askNumber': 'If you have the number that contacted you, send it and I will check whether it is one of our official numbers. Otherwise tap "No number".',
    'guidance.scam.retryNumber': 'That does not look like a phone number. Type their mobile, landline or 400 number, or tap "No number".',
    'guidance.scam.noNumber': 'No number',
    'guidance.scam.needVerify': 'Numbers are checked against the team assigned to your account, so I first need to confirm who you are. Verify now?',
    'guidance.scam.yes': 'Yes, verify now',
    'guidance.scam.no': 'No',
    'guidance.scam.lenderOfficial': '{number} is one of our official numbers. Even so, please repay only through the official app: we never ask you to pay into a personal account.',
    'guidance.scam.spoofed': "But they asked you to move money into a personal account, or to pay to have interest stopped: that is never us. Caller numbers can be faked, so please don't transfer anything; if you already did, call 110 now, or 96110 for advice. Stopping interest (停息挂账) is not a legal right, and anyone who wants a fee first to arrange it is running a known scam.",
    'guidance.scam.notLenderOfficial':
      '{number} is not on our list of official numbers. Do not transfer money or give information they ask for; if they ask for money, call 110 to report it or 96110 for advice.',
    'guidance.scam.offerVerify': 'Once you have confirmed who you are, I can also check it against the official numbers of the team assigned to your account. Verify now?',
    'guidance.scam.cannotCheck':
      "All right. Without confirming who you are I can't check that number against the team assigned to your account. Please contact us through the official app, not through numbers or links given in a call or text.",
    'guidance.scam.official': '{number} is an official number of "{name}", who handle your account. Even so, please repay only through the official app.',
    'guidance.scam.notOfficial':
      '{number} is not an official number of the team handling your account (official: {phones}). Do not transfer money or give information they ask for; if they ask for money, call 110 to report it or 96110 for advice.',
    'guidance.scam.noAssignmentNumber': 'No collection team is assigned to your account, so {number} is not a collection number we arranged for you. If they ask for money, do not pay, and call 110 or 96110.',
    'guidance.scam.lenderNotTeam':
      '{number} is one of our official numbers, but not one of the team handling your account (their official numbers: {phones}). Please repay only through the official app, never into a personal account.',
    'guidance.scam.lenderNoAssignment':
      '{number} is one of our official numbers, but no collection team is assigned to your account, so it is not a collection number we arranged for you. Please repay only through the official app, never into a personal account.',
    'guidance.scam.assignment': 'Collection on your account is handled by "{name}" ({kind}).',
    'guidance.scam.noAssignment': 'No collection team is assigned to your account.',
    'guidance.scam.kind.internal_team': 'our own post-loan team',
    'guidance.scam.kind.agency': 'an agency working for us',
    'guidance.scam.next': 'You can talk to a person, or complain about a suspicious caller.',

    'guidance.verifyHint': 'To see where your own account stands, you can confirm who you are first.',
    'guidance.stillApplies': 'Everything in my last answer still applies, so I will not repeat it here.',
    'guidance.stillAppliesMost': 'Everything in my last answer still applies. What matters most:',
    'guidance.button.verify': 'Verify and see my account',
    'guidance.button.complaintThreat': "Complain about a collector's threats",
    'guidance.button.complaintVisit': 'Complain about visitors',
    'guidance.button.complaintCaller': 'Complain about a caller',
  },
});
