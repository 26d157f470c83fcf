import type { Entity } from '../intentRecognizer';

type LoanRef = Extract<Entity, { type: 'loan_ref' }>;

// A loan or contract id: after a label (借款编号 / 合同号 / loan id ...), or with a known id prefix.
const LABELLED = /(?:借款|贷款|合同|订单|借据|loan|contract)\s*(?:编号|号码|单号|号|id|no\.?|number|ref(?:erence)?)\s*(?:是|为|[:：#])?\s*([a-z0-9][a-z0-9-]{5,31})/g;
const PREFIXED = /(?<![a-z0-9])((?:ln|loan|jk|ht|dk)[-_]?\d{6,20})(?![a-z0-9])/g;

/**
 * Loan references: loan/contract ids, and the configured product names (花呗-like names of the lender's
 * products; matched case-insensitively, reported with kind 'product').
 */
export function extractLoanRefs(text: string, original: string, productNames: readonly string[] = []): LoanRef[] {
  const out: LoanRef[] = [];
  const add = (start: number, end: number, id: string, kind: 'loan' | 'product') => {
    if (out.some((e) => start < e.end && end > e.start)) return;
    out.push({ type: 'loan_ref', text: original.slice(start, end), start, end, id, kind });
  };
  for (const re of [LABELLED, PREFIXED]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index + m[0].lastIndexOf(m[1]);
      add(start, start + m[1].length, original.slice(start, start + m[1].length).toUpperCase(), 'loan');
    }
  }
  for (const name of productNames) {
    const needle = name.toLowerCase();
    if (!needle) continue;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      add(at, at + needle.length, name, 'product');
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
