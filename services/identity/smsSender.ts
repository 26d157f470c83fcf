import type { Logger } from '../logging/logger';
import { maskMobile } from '../logging/mask';
import type { BorrowerLanguage } from '../accounts/accountSchemas';

/** Sends one-time verification codes. Production plugs in the lender's SMS gateway behind this. */
export interface SmsSender {
  sendCode(mobile: string, code: string, language?: BorrowerLanguage): Promise<void>;
}

/** Development sender: writes the code to the log (mobile masked) instead of sending anything. */
export class DevelopmentSmsSender implements SmsSender {
  constructor(private readonly logger: Logger) {}

  async sendCode(mobile: string, code: string, language?: BorrowerLanguage): Promise<void> {
    this.logger.info({ event: 'sms.code_sent', to: maskMobile(mobile), code, language }, 'one-time code (development SMS sender, not sent)');
  }
}
