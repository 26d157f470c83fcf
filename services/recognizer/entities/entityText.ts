import { TRADITIONAL_TO_SIMPLIFIED } from '../text/traditionalToSimplified';

/**
 * The text entity parsers read: full-width ASCII → half-width, ideographic space → space, ASCII lower case,
 * Traditional → Simplified. Every step maps one UTF-16 unit to one, so offsets found in the result are offsets
 * into the borrower's original text.
 */
export function entityText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      const c = String.fromCharCode(code - 0xfee0);
      out += c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
    } else if (code === 0x3000) out += ' ';
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
    else {
      const ch = text[i];
      const simp = TRADITIONAL_TO_SIMPLIFIED.get(ch);
      out += simp !== undefined && simp.length === 1 ? simp : ch;
    }
  }
  return out;
}
