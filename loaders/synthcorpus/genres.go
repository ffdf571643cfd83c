package synthcorpus

import (
	"strconv"
	"strings"
)

// transcript writes a press-conference transcript: title, date line,
// speakers and chairperson, the chairperson's opening, a speaker's
// introduction, then questions from the media and answers.
func (w *writer) transcript() {
	chair := w.people[0]
	lead := w.people[1]
	topic := pick(w.r, topics)
	switch w.r.IntN(3) {
	case 0:
		w.line("Press conference of " + fullName(w.main) + " on " + topic)
	case 1:
		w.line(strings.TrimPrefix(w.agency(w.main), "the ") + " briefing on " + topic)
	default:
		w.line("Transcript: press conference on " + topic + " and related work")
	}
	w.blank()
	switch w.r.IntN(3) {
	case 0:
		w.line("Date: " + w.longDate(w.year, w.month, w.day))
	case 1:
		w.line("Beijing | " + strconv.Itoa(9+w.r.IntN(7)) + " a.m. " + w.longDate(w.year, w.month, w.day))
	default:
		w.line(isoDate(w.year, w.month, w.day))
	}
	w.blank()
	w.line("Speakers:")
	for _, p := range w.people[1:] {
		w.line(w.describe(p))
	}
	w.line("Chairperson:")
	w.line(w.describe(chair))
	w.blank()
	w.line(chair.name + ":")
	w.para(pick(w.r, greetings), "Welcome to this press conference held by "+w.agency(chair.at)+".",
		"Today we have invited "+lead.hon+" "+lead.name+", "+lead.title+" of "+w.agency(lead.at)+", to brief you on "+topic+" and to answer your questions.",
		"Now, I give the floor to "+lead.hon+" "+w.surname(lead)+".")
	w.line(lead.name + ":")
	w.para(append([]string{"Thank you."}, w.sentences(3+w.r.IntN(3))...)...)
	for _, ord := range ordinals[:2+w.r.IntN(3)] {
		w.para(append([]string{ord + ", " + pick(w.r, fillObjects) + " " + pick(w.r, progressed) + "."}, w.sentences(2+w.r.IntN(3))...)...)
	}
	w.line(chair.name + ":")
	w.para("Thank you, " + lead.hon + " " + w.surname(lead) + ". The floor is now open for questions. Please identify your news outlet before asking.")
	for first := true; first || !w.full(); first = false {
		outlet := pick(w.r, w.p.media)
		w.line(outlet.name + ":")
		w.para(w.question()...)
		ans := pick(w.r, w.people[1:])
		w.line(ans.name + ":")
		w.para(append([]string{pick(w.r, thanks)}, w.sentences(2+w.r.IntN(4))...)...)
		if w.chance(0.5) {
			w.para(w.sentences(2 + w.r.IntN(3))...)
		}
		if !w.full() && w.chance(0.3) {
			w.line(chair.name + ":")
			w.para(pick(w.r, nextQuestion))
		}
	}
	w.line(chair.name + ":")
	w.para("That concludes today's press conference. Thanks to all the speakers and to our friends from the media.")
}

var (
	greetings    = []string{"Ladies and gentlemen, good morning.", "Friends from the media, good afternoon.", "Good morning, everyone."}
	ordinals     = []string{"First", "Second", "Third", "Fourth"}
	progressed   = []string{"made steady progress", "reached a new level", "improved markedly", "moved faster"}
	thanks       = []string{"Thank you for your question.", "Thanks for your question. I will answer it.", "Thank you. This is a question of wide concern."}
	nextQuestion = []string{"Next question, please.", "Please continue to raise your hands.", "The reporter in the third row, please."}
)

// question writes a reporter's question: a premise and the question.
func (w *writer) question() []string {
	var premise string
	if w.chance(0.5) {
		premise = pick(w.r, statTemplates)(w)
	} else {
		premise = w.filler()
	}
	acr := w.agency(w.main)
	var q string
	switch w.r.IntN(5) {
	case 0:
		q = "My question is, what measures has " + acr + " taken to improve " + pick(w.r, fillObjects) + "?"
	case 1:
		q = "How will " + acr + " support enterprises in " + pick(w.r, topics) + "?"
	case 2:
		q = "Could you give us more details about " + w.program() + "?"
	case 3:
		q = "What progress has been made in " + pick(w.r, topics) + " in " + w.home.name + "?"
	default:
		q = "What are the next steps for " + pick(w.r, topics) + "?"
	}
	return []string{premise, q, "Thank you."}
}

var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}

// reportSections are headings of an annual report's chapters, each with
// its sub-headings.
var reportSections = []struct {
	head string
	subs []string
}{
	{"Strategy Implementation", []string{"Coordination of the National Strategy", "Local Implementation", "Policy Research",
		"Assessment and Supervision", "Publicity and Training", "Pilot Work"}},
	{"Protection", []string{"Administrative Enforcement", "Judicial Protection", "Protection at the Border", "Online Protection",
		"Special Campaigns", "Dispute Resolution", "Credit Supervision"}},
	{"Examination and Registration", []string{"Patent Examination", "Trademark Examination", "Quality Management",
		"Examination Efficiency", "Electronic Filing", "Examiner Training"}},
	{"Utilization and Services", []string{"Commercialization", "Financing", "Public Information Services",
		"Services for Small Enterprises", "Operation Platforms", "Regional Development"}},
	{"International Cooperation", []string{"Multilateral Cooperation", "Bilateral Cooperation", "Belt and Road Cooperation",
		"Cooperation with International Organizations", "Overseas Protection", "Exchanges and Training"}},
}

// report writes a section of an annual report: title with the year,
// chapter heading, numbered sub-sections of paragraphs with year-on-year
// figures.
func (w *writer) report() {
	w.inReport = true
	sec := pick(w.r, reportSections)
	ys := strconv.Itoa(w.repYear)
	if w.chance(0.5) {
		w.line("Annual Report " + ys + " of " + fullName(w.main))
	} else {
		w.line(capFirst(strings.TrimPrefix(w.agency(w.main), "the ")) + " Annual Report " + ys + ": " + sec.head)
	}
	w.blank()
	w.line(pick(w.r, romans[:6]) + ". " + sec.head)
	w.blank()
	w.para(capFirst(w.agency(w.main))+" "+pick(w.r, []string{"further improved", "stepped up work on", "made steady progress in", "strengthened"})+" "+
		pick(w.r, fillObjects)+" in "+ys+".", w.filler())
	n := 0
	for !w.full() {
		sub := sec.subs[n%len(sec.subs)]
		n++
		w.blank()
		w.line("(" + strconv.Itoa(n) + ") " + sub)
		for k := 0; k < 1+w.r.IntN(3); k++ {
			w.para(w.reportParagraph()...)
		}
	}
}

// reportParagraph is a paragraph of a report: figures for the year, the
// previous year for comparison, and what was done.
func (w *writer) reportParagraph() []string {
	var out []string
	m := w.nextMetric()
	y := w.repYear
	switch {
	case w.chance(0.4):
		out = append(out, w.filler())
	case m.kind == mCount || m.kind == mYuan:
		v, v0 := w.value(m, y, 1, 1), w.value(m, y-1, 1, 1)
		out = append(out, "In "+strconv.Itoa(y)+", "+m.name+" reached "+w.figure(m, v)+", "+w.change(v, v0)+" over the previous year.")
	default:
		out = append(out, pick(w.r, statTemplates)(w))
	}
	for range 2 + w.r.IntN(4) {
		if w.chance(0.1) {
			out = append(out, pick(w.r, statTemplates)(w))
		} else {
			out = append(out, w.sentence())
		}
	}
	return out
}

// change writes the change from v0 to v: "up 12.4%", "down 3.1%".
func (w *writer) change(v, v0 float64) string {
	g := (v/v0 - 1) * 100
	if g < 0 {
		return "down " + pctText(float64(int(-g*10))/10)
	}
	return "up " + pctText(float64(int(g*10))/10)
}

// circular writes a circular: title naming the issuing bodies, document
// number, addressees, the purpose paragraph, articles, the effective date
// and the signature.
func (w *writer) circular() {
	ys := strconv.Itoa(w.year)
	inst := w.instrument()
	joint := w.chance(0.6)
	issuers := fullName(w.main)
	if joint {
		issuers += " and " + fullName(w.other)
	}
	w.line("Circular of " + issuers + " on Issuing " + strings.TrimPrefix(inst, "the "))
	// A document number in pinyin initials: "Guo Zhi Fa [2021] No. 61".
	w.line(capFirst(pick(w.r, w.p.given)) + " " + capFirst(pick(w.r, w.p.given)) + " " + pick(w.r, []string{"Fa", "Zi", "Han", "Tong"}) +
		" [" + ys + "] No. " + strconv.Itoa(1+w.r.IntN(120)))
	w.blank()
	w.line("To the " + pick(w.r, addressees) + " of all provinces, autonomous regions and municipalities directly under the Central Government,")
	w.blank()
	purpose := "In order to implement " + w.law() + " and " + w.policy() + ", "
	if joint {
		purpose += w.agency(w.main) + " and " + w.agency(w.other) + " jointly issued " + inst + "."
	} else {
		purpose += w.agency(w.main) + " issued " + inst + "."
	}
	w.para(purpose, "It is hereby issued to you; please implement it conscientiously in light of local conditions.", w.filler())
	w.blank()
	w.line(capFirst(strings.TrimPrefix(inst, "the ")))
	noun := instrumentNoun(inst)
	art, ch := 0, 0
	article := func() {
		art++
		opener := pick(w.r, articleOpeners)
		if strings.HasPrefix(opener, "These ") {
			opener = "These " + noun + " are formulated to strengthen"
		}
		w.para(append([]string{"Article " + strconv.Itoa(art) + " " + opener + " " + pick(w.r, fillObjects) + "."}, w.articleBody()...)...)
	}
	for ; ch == 0 || !w.full(); ch++ {
		w.blank()
		head := chapterHeads[0]
		if ch > 0 {
			head = chapterHeads[1+(ch-1)%(len(chapterHeads)-2)]
		}
		w.line("Chapter " + romans[ch%len(romans)] + " " + head)
		for range 2 + w.r.IntN(3) {
			article()
		}
	}
	eff := w.month + 1 + w.r.IntN(3)
	ey := w.year
	if eff > 12 {
		eff -= 12
		ey++
	}
	w.blank()
	w.line("Chapter " + romans[ch%len(romans)] + " " + chapterHeads[len(chapterHeads)-1])
	article()
	w.para("Article " + strconv.Itoa(art+1) + " These " + noun + " shall come into force on " + w.longDate(ey, eff, 1) + ".")
	w.blank()
	w.line(w.main.name)
	if joint {
		w.line(w.other.name)
	}
	w.line(w.longDate(w.year, w.month, w.day))
}

var (
	addressees     = []string{"intellectual property offices", "market regulation departments", "departments of commerce", "copyright administrations", "departments of science and technology"}
	chapterHeads   = []string{"General Provisions", "Responsibilities", "Procedures", "Supervision and Administration", "Support Measures", "Legal Liability", "Supplementary Provisions"}
	articleOpeners = []string{"These Measures are formulated to strengthen", "The competent authorities shall improve", "Local departments shall support",
		"The administrations shall strengthen guidance on", "Applicants may apply for support for", "The relevant departments shall jointly promote"}
)

// articleBody writes the sentences of one article.
func (w *writer) articleBody() []string {
	var out []string
	for range w.r.IntN(4) {
		switch k := w.r.IntN(10); {
		case k < 3:
			out = append(out, pick(w.r, relationTemplates)(w))
		case k < 5:
			out = append(out, pick(w.r, statTemplates)(w))
		case k < 6:
			out = append(out, pick(w.r, regionTemplates)(w))
		default:
			out = append(out, w.filler())
		}
	}
	return out
}

// digest writes a news digest: a title, the date, then numbered items,
// each with a headline, a dateline and a few sentences.
func (w *writer) digest() {
	outlet := pick(w.r, w.p.media)
	w.line(pick(w.r, digestTitles) + ", No. " + strconv.Itoa(1+w.r.IntN(52)))
	w.line("Date: " + w.longDate(w.year, w.month, w.day))
	w.line("Compiled from reports by " + outlet.name + " and other media.")
	for n := 1; !w.full(); n++ {
		w.blank()
		w.line(strconv.Itoa(n) + ". " + w.headline())
		day := 1 + w.r.IntN(28)
		mo := w.month
		if day > w.day {
			mo--
			if mo == 0 {
				mo = 12
			}
		}
		city := pick(w.r, w.p.cities)
		lead := city.name + ", " + monthNames[mo] + " " + strconv.Itoa(day) + " — " + w.sentence()
		w.para(append([]string{lead}, w.sentences(1+w.r.IntN(4))...)...)
	}
}

var digestTitles = []string{"Intellectual Property Weekly Digest", "IP News in Brief", "Weekly Roundup of Intellectual Property News", "Innovation and IP Bulletin"}

// headline writes a short item title.
func (w *writer) headline() string {
	switch w.r.IntN(5) {
	case 0:
		return strings.TrimPrefix(w.agency(w.main), "the ") + " releases new rules on " + pick(w.r, topics)
	case 1:
		return w.company() + " tops the list of PCT applicants in " + w.home.name
	case 2:
		return w.home.name + " steps up " + pick(w.r, topics)
	case 3:
		return "Courts hear more cases on " + pick(w.r, topics)
	default:
		return "New figures on " + pick(w.r, topics)
	}
}
