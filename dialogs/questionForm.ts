/**
 * A question by its form: a question particle or mark, a question word ("会不会", "多少", "几天", "什么时候", a closing "会怎么样"), or an
 * English question opening ("how", "is it…"). What tells a side question ("罚息是多少") from an answer to the step's
 * own question ("收入减少", "罚息太高了").
 */
const QUESTION =
  /[吗嗎么麼呢？?][\s。.!！~～]*$|[吗嗎？?]|(怎么样|怎麼樣|怎样|怎樣|如何)[\s。.!！~～]*$|什么后果|什麼後果|什么影响|什麼影響|是不是|是真的|会不会|會不會|能不能|可不可以|怎么办|怎麼辦|为什么|為什麼|多少|多久|多长时间|多長時間|几[天期个個号號次年]|幾[天期個號次年]|哪天|什么时候|什麼時候|怎么算|怎麼算|有没有|有沒有|要不要|收不收|是什么|是什麼|什么意思|什麼意思|^(is|are|do|does|can|could|will|would|should|what|how|why|when|where|who|which)\b/i;

export function asksAQuestion(text: string): boolean {
  return QUESTION.test(text);
}
