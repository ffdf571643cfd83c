// Package text is the first stage of the loaders: it turns a document's
// text into sentences and tokens for the stages after it.
//
// Segment cuts text into sentences (line breaks always end one; a stop ends
// one unless an abbreviation, an initial or a decimal holds it), JoinBroken
// mends a sentence that a page or line break cut in two, and Tokenize splits
// a sentence into words, numbers, punctuation and CJK runs. Every offset is
// a rune offset: a Sentence's into its document, a Token's into its
// sentence, so the evidence of every fact can be pointed at exactly.
package text
