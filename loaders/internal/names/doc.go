// Package names tells Chinese personal names by their form: a surname from
// a closed list followed by a given name of one or two Hanyu Pinyin
// syllables ("Shen Changyu", "Ge Shu", "Jin Hai", "Chang-yu" and
// "Xi'an" spellings included), in English order.
//
// The form alone is evidence, not proof: "Hong Kong" and "Long Wen" have
// it too. Callers accept a name of this form where its context says it is
// a person (a title, a role, a speech verb) or where a document uses it
// more than once; this package answers only the question of form.
//
// Both lists are data: resources/surnames.txt and resources/syllables.txt.
package names
