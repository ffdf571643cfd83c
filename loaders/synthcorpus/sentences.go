package synthcorpus

import (
	"strconv"
	"strings"
)

// A template writes one sentence (occasionally two) for a document.
type template func(w *writer) string

// upDown writes a year-on-year change: "up 14.7% year on year".
func (w *writer) upDown(m metric) string {
	g := w.pct(-4, 28)
	if m.kind == mMonths {
		g = -w.pct(2, 15)
	}
	if g < 0 {
		return pick(w.r, []string{"down ", "a decrease of "}) + pctText(-g) + " year on year"
	}
	return pick(w.r, []string{"up ", "an increase of ", "a rise of "}) + pctText(g) + " year on year"
}

// statTemplates report a national figure with its period.
var statTemplates = []template{
	func(w *writer) string { // In 2022, X reached V, up P year on year.
		m := w.nextMetric(mCount, mYuan)
		p := w.period(m)
		return p.lead + " " + m.name + " reached " + w.figure(m, w.value(m, p.year, p.frac, 1)) + ", " + w.upDown(m) + "."
	},
	func(w *writer) string { // X totaled V in P, an increase of G over the previous year.
		m := w.nextMetric(mCount, mYuan)
		p := w.period(m)
		return capFirst(m.name) + " totaled " + w.figure(m, w.value(m, p.year, p.frac, 1)) + " " + p.tail +
			", an increase of " + pctText(w.pct(3, 30)) + " over the same period of the previous year."
	},
	func(w *writer) string { // In P, China granted V invention patents, G more than a year earlier.
		m := w.nextMetric(mCount)
		if m.obj == "" {
			m = mGrants
		}
		p := w.period(m)
		return p.lead + " China " + m.verb + " " + w.figure(m, w.value(m, p.year, p.frac, 1)) + " " + m.obj + ", " + w.upDown(m) + "."
	},
	func(w *writer) string { // By the end of 2022, the number of X stood at V.
		m := w.nextMetric(mCount)
		m.stock = true
		p := w.period(m)
		return p.lead + " the number of " + m.name + " stood at " + w.figure(m, w.value(m, p.year, 1, 1)) + "."
	},
	func(w *writer) string { // X came to V in Y, compared with V0 in Y-1.
		m := w.nextMetric(mCount, mYuan)
		y := w.repYear
		return capFirst(m.name) + " amounted to " + w.figure(m, w.value(m, y, 1, 1)) + " in " + strconv.Itoa(y) +
			", compared with " + w.figure(m, w.value(m, y-1, 1, 1)) + " in " + strconv.Itoa(y-1) + "."
	},
	func(w *writer) string { // According to the CNIPA, X rose to V in P.
		m := w.nextMetric(mCount, mYuan)
		p := w.period(m)
		return "According to " + w.agency(w.main) + ", " + m.name + " rose to " + w.figure(m, w.value(m, p.year, p.frac, 1)) + " " + p.tail + "."
	},
	func(w *writer) string { // X grew by G to V in P.
		m := w.nextMetric(mCount, mYuan)
		p := w.period(m)
		return capFirst(m.name) + " grew by " + pctText(w.pct(2, 35)) + " to " + w.figure(m, w.value(m, p.year, p.frac, 1)) + " " + p.tail + "."
	},
	func(w *writer) string { // The number of X per 10,000 people reached V by the end of Y.
		m := w.nextMetric(mPer10k)
		if m.kind != mPer10k {
			m = mPatentsPer10k
		}
		p := w.period(m)
		return p.lead + " the number of " + m.name + " reached " + w.figure(m, w.value(m, p.year, 1, 1)) + "."
	},
	func(w *writer) string { // China had V X at the end of Y, up from V0 a year earlier.
		m := w.nextMetric(mPer10k)
		if m.kind != mPer10k {
			m = mHighValuePer10k
		}
		y := w.repYear
		return "China had " + w.figure(m, w.value(m, y, 1, 1)) + " " + m.name + " at the end of " + strconv.Itoa(y) +
			", up from " + w.figure(m, w.value(m, y-1, 1, 1)) + " a year earlier."
	},
	func(w *writer) string { // X rose to V% in Y.
		m := w.nextMetric(mShare)
		if m.kind != mShare {
			m = mRDShare
		}
		y := w.repYear
		return "In " + strconv.Itoa(y) + ", " + m.name + " stood at " + w.figure(m, w.value(m, y, 1, 1)) + "."
	},
	func(w *writer) string { // In 2022, the average examination period … was shortened to 16.5 months.
		m := w.nextMetric(mMonths)
		if m.kind != mMonths {
			m = mExamPeriod
		}
		y := w.repYear
		if w.chance(0.5) {
			return "In " + strconv.Itoa(y) + ", the " + m.name + " was shortened to " + w.figure(m, w.value(m, y, 1, 1)) + "."
		}
		return "The " + m.name + " was " + w.figure(m, w.value(m, y, 1, 1)) + " in " + strconv.Itoa(y) +
			", compared with " + w.figure(m, w.value(m, y-1, 1, 1)) + " in " + strconv.Itoa(y-1) + "."
	},
	func(w *writer) string { // X in P exceeded V for the first time.
		m := w.nextMetric(mCount, mYuan)
		p := w.period(m)
		return p.lead + " " + m.name + " exceeded " + w.figure(m, w.value(m, p.year, p.frac, 0.97)) + "."
	},
}

// regionTemplates report a province's or city's figure.
var regionTemplates = []template{
	func(w *writer) string { // Guangdong recorded V X in P, accounting for S of the national total.
		m := w.nextMetric(mCount)
		p := w.period(m)
		share := 0.04 + 0.16*w.r.Float64()
		return w.home.name + " recorded " + w.figure(m, w.value(m, p.year, p.frac, share)) + " " + m.name + " " + p.tail +
			", accounting for " + pctText(share*100) + " of the national total."
	},
	func(w *writer) string { // In P, X in Shenzhen reached V, up G year on year.
		m := w.nextMetric(mCount, mYuan)
		p := w.period(m)
		return p.lead + " " + m.name + " in " + w.city.name + " reached " + w.figure(m, w.value(m, p.year, p.frac, 0.01+0.05*w.r.Float64())) + ", " + w.upDown(m) + "."
	},
	func(w *writer) string { // The number of X per 10,000 people in Zhejiang reached V by the end of Y, ranking third in the country.
		m := pick(w.r, []metric{mPatentsPer10k, mHighValuePer10k})
		y := w.repYear
		return "The number of " + m.name + " in " + w.home.name + " reached " + w.figure(m, w.value(m, y, 1, 0.4)) + " by the end of " + strconv.Itoa(y) +
			", ranking " + strings.ToLower(pick(w.r, ordinals)) + " in the country."
	},
	func(w *writer) string { // Huawei filed V PCT applications in Y, ranking first worldwide.
		c := pick(w.r, w.p.companies)
		y := w.repYear
		return c.name + " filed " + group(int64(1200+w.r.IntN(6000))) + " PCT international applications in " + strconv.Itoa(y) +
			", ranking among the top " + strconv.Itoa(5+w.r.IntN(20)) + " applicants worldwide."
	},
	func(w *writer) string { // Courts in Jiangsu concluded V IP cases in P.
		m := mCourtCases
		p := w.period(m)
		return "Courts in " + w.home.name + " concluded " + w.figure(m, w.value(m, p.year, p.frac, 0.03+0.1*w.r.Float64())) + " " + m.obj + " " + p.tail + "."
	},
	func(w *writer) string { // The pledge financing registered in Sichuan amounted to V in P.
		m := mPledge
		p := w.period(m)
		return capFirst(m.name) + " registered in " + w.home.name + " amounted to " + w.figure(m, w.value(m, p.year, p.frac, 0.02+0.08*w.r.Float64())) + " " + p.tail + "."
	},
}

// topics are what policies and answers are about, in lower case.
var topics = []string{
	"patent pledge financing", "the protection of trade secrets", "geographical indications", "the commercialization of patents",
	"data intellectual property", "the examination of trademark applications", "overseas intellectual property disputes",
	"the regulation of patent agencies", "the protection of new plant varieties", "copyright in the digital environment",
	"the open licensing of patents", "intellectual property services for small and medium-sized enterprises",
	"the crackdown on malicious trademark squatting", "rapid protection of industrial designs", "intellectual property statistics",
	"the protection of traditional knowledge", "standard-essential patents", "intellectual property in artificial intelligence",
}

// instrumentTopics complete a synthetic instrument's name, in title case.
var instrumentTopics = []string{
	"the Administration of Patent Pledge Registration", "Strengthening the Protection of Geographical Indications",
	"Promoting the Commercialization of Patented Technologies", "Regulating Patent Application Practices",
	"the Protection of Trade Secrets", "Further Strengthening Intellectual Property Protection", "the Administration of Patent Agencies",
	"the Registration of Data Intellectual Property", "Handling Overseas Intellectual Property Disputes",
	"the Examination of Trademark Applications", "the Recordation of Patent Licensing Contracts",
	"Supporting Small and Medium-sized Enterprises in the Use of Intellectual Property",
	"Accelerating the Development of the Intellectual Property Service Industry", "the Protection of New Plant Varieties",
	"Cracking Down on Malicious Trademark Squatting", "the Evaluation of High-value Patents", "Intellectual Property Public Services",
	"Rapid Coordinated Protection of Intellectual Property", "the Administration of Collective and Certification Marks",
	"Intellectual Property Protection at Trade Fairs",
}

var instrumentHeads = []string{"Measures for", "Opinions on", "Guidelines for", "Provisions on", "Several Opinions on", "Interim Measures for", "Rules for"}

// instrument names a synthetic policy document: "the Measures for the
// Administration of Patent Pledge Registration".
func (w *writer) instrument() string {
	return "the " + pick(w.r, instrumentHeads) + " " + pick(w.r, instrumentTopics)
}

// instrumentNoun is the noun an instrument's own articles call it by:
// "the Interim Measures for …" → "Measures".
func instrumentNoun(name string) string {
	f := strings.Fields(name)
	for _, w := range f[1:] {
		if w != "Several" && w != "Interim" {
			return w
		}
	}
	return "Measures"
}

// planName names a synthetic program: "the 2023 Action Plan for …".
func (w *writer) planName(year int) string {
	t := pick(w.r, instrumentTopics)
	switch w.r.IntN(3) {
	case 0:
		return "the " + strconv.Itoa(year) + " Action Plan for " + t
	case 1:
		return "the Pilot Program for " + t
	default:
		return "the Special Campaign for " + t
	}
}

func (w *writer) law() string    { return "the " + pick(w.r, w.p.laws).name }
func (w *writer) policy() string { return "the " + pick(w.r, w.p.policies).name }
func (w *writer) program() string {
	n := pick(w.r, w.p.plans).name
	if strings.HasPrefix(n, "the ") || n[0] >= 'a' {
		return n
	}
	return "the " + n
}
func (w *writer) event() string  { return "the " + pick(w.r, w.p.events).name }
func (w *writer) ministry() body { return pick(w.r, w.p.ministry) }
func (w *writer) foreign() body  { return pick(w.r, w.p.foreign) }
func (w *writer) company() string {
	if w.chance(0.4) {
		// A company of our own: "Huaxin Semiconductor Group".
		return capFirst(pick(w.r, w.p.given)+pick(w.r, w.p.given)) + " " + pick(w.r, industries) + " " + pick(w.r, companyHeads)
	}
	return pick(w.r, w.p.companies).name
}

var (
	industries   = []string{"Technology", "Biotech", "Pharmaceutical", "Electronics", "Semiconductor", "New Energy", "Software", "Materials", "Robotics", "Optics"}
	companyHeads = []string{"Group", "Company", "Corporation"}
)

func (w *writer) univ() string { return pick(w.r, w.p.univs).name }

// relationTemplates state relations between named entities: issued,
// implements, runs, cooperatesWith, locatedIn, succeededBy, mergedInto,
// partOf, memberOf.
var relationTemplates = []template{
	func(w *writer) string { // issued, two bodies
		return capFirst(w.agency(w.main)) + " and " + w.agency(w.other) + " jointly issued " + w.instrument() +
			", which sets out targeted measures for " + pick(w.r, fillSubjects) + "."
	},
	func(w *writer) string { // issued, dated
		return "On " + monthNames[1+w.r.IntN(12)] + " " + strconv.Itoa(1+w.r.IntN(28)) + ", " + w.agency(w.main) + " released " + w.instrument() + "."
	},
	func(w *writer) string { // issued, two objects
		return capFirst(w.agency(w.main)) + " formulated and published " + w.instrument() + " and " + w.instrument() + "."
	},
	func(w *writer) string { // issued, statute
		return capFirst(w.agency(pick(w.r, w.p.core))) + " promulgated " + w.law() + " after " + strconv.Itoa(2+w.r.IntN(3)) + " rounds of public consultation."
	},
	func(w *writer) string { // implements
		return capFirst(w.agency(w.main)) + " implements " + w.law() + " and " + w.policy() + " in its daily supervision."
	},
	func(w *writer) string { // implements, since
		return capFirst(w.agency(w.other)) + " has implemented " + w.program() + " since " + strconv.Itoa(w.year-1-w.r.IntN(4)) + "."
	},
	func(w *writer) string { // issued to implement
		return "To implement " + w.law() + ", " + w.agency(w.main) + " drafted " + w.instrument() + "."
	},
	func(w *writer) string { // runs
		y := w.year - w.r.IntN(3)
		return "In " + strconv.Itoa(y) + ", " + w.agency(w.main) + " launched " + w.planName(y) +
			", which now covers " + strconv.Itoa(12+w.r.IntN(280)) + " cities."
	},
	func(w *writer) string { // runs, hosts
		return capFirst(w.agency(w.main)) + " hosts " + w.event() + " every year together with local governments."
	},
	func(w *writer) string { // locatedIn, will be held
		return capFirst(w.event()) + " will be held in " + w.city.name + " in " + monthNames[1+w.r.IntN(12)] + "."
	},
	func(w *writer) string { // runs, continued
		return capFirst(w.agency(w.other)) + " continued to run " + w.program() + ", which has supported " + group(int64(800+w.r.IntN(40000))) + " enterprises."
	},
	func(w *writer) string { // cooperatesWith, foreign
		return capFirst(w.agency(w.main)) + " signed a memorandum of understanding with " + w.agency(w.foreign()) + " on " + pick(w.r, topics) + "."
	},
	func(w *writer) string { // cooperatesWith, years
		return capFirst(w.agency(w.main)) + " has cooperated with " + w.agency(w.foreign()) + " since " + strconv.Itoa(1985+w.r.IntN(30)) + "."
	},
	func(w *writer) string { // cooperatesWith, company and university
		return w.company() + " and " + w.univ() + " jointly set up a patent operation center in " + w.city.name + "."
	},
	func(w *writer) string { // cooperatesWith, countries
		c := pick(w.r, w.p.countries)
		return "China and " + c.name + " have been cooperating on patent examination under the Patent Prosecution Highway."
	},
	func(w *writer) string { // cooperatesWith, worked with
		return capFirst(w.agency(w.main)) + " worked with " + w.agency(pick(w.r, w.p.domestic)) + " and " + w.agency(pick(w.r, w.p.courts)) + " to crack down on repeated infringement."
	},
	func(w *writer) string { // locatedIn, headquartered; partOf, city, province
		return w.company() + " is headquartered in " + w.city.name + ", " + w.city.parent + "."
	},
	func(w *writer) string { // locatedIn, set up in
		return capFirst(w.agency(w.main)) + " established " + strconv.Itoa(3+w.r.IntN(60)) + " intellectual property protection centers in " + w.home.name + " and other provinces."
	},
	func(w *writer) string { // succeededBy / mergedInto
		l := pick(w.r, w.p.links)
		if w.chance(0.3) {
			l = pick(w.r, w.p.renamed)
			return "In " + strconv.Itoa(2013+w.r.IntN(6)) + ", " + fullName(l.old) + " was renamed " + fullName(l.new) + "."
		}
		if l.merged {
			return "In the reorganization of " + strconv.Itoa(2013+w.r.IntN(6)) + ", " + fullName(l.old) + " was merged into " + fullName(l.new) + "."
		}
		return capFirst(fullName(l.old)) + " was succeeded by " + fullName(l.new) + ", which took over its functions."
	},
	func(w *writer) string { // partOf, body of body
		return "The " + pick(w.r, departments) + " Department of " + w.agency(w.main) + " is responsible for " + pick(w.r, topics) + "."
	},
	func(w *writer) string { // implements, treaty
		t := pick(w.r, w.p.treaties)
		return "As a contracting party to the " + t.name + ", China fulfils its obligations, and " + w.agency(w.main) + " implements the " + t.name + " in its daily work."
	},
}

// departments are units of an agency, named in title case.
var departments = []string{"Patent Administration", "Intellectual Property Protection", "Intellectual Property Utilization Promotion",
	"Strategic Planning", "International Cooperation", "Public Services", "Trademark Examination", "Legal Affairs", "Copyright Management"}

// personTemplates quote a person with a title.
var personTemplates = []template{
	func(w *writer) string {
		p := pick(w.r, w.people)
		return capFirst(p.title) + " " + p.name + " of " + w.agency(p.at) + " said that " + w.clause() + "."
	},
	func(w *writer) string {
		p := pick(w.r, w.people)
		return w.describe(p) + ", said " + w.clause() + "."
	},
	func(w *writer) string {
		p := pick(w.r, w.people)
		return "According to " + w.describe(p) + ", " + w.clause() + "."
	},
	func(w *writer) string {
		p := w.newPerson("professor", w.main)
		from := w.univ()
		if w.chance(0.3) {
			from = "the " + pick(w.r, w.p.assocs).name
		}
		return p.name + " from " + from + " noted that " + w.clause() + "."
	},
	func(w *writer) string {
		p := pick(w.r, w.people)
		return "Speaking at " + w.event() + ", " + w.describe(p) + ", called for " + pick(w.r, fillObjects) + "."
	},
	func(w *writer) string {
		p := w.spokes
		return "Spokesperson " + p.name + " of " + w.agency(w.other) + " said that " + w.clause() + "."
	},
}

// Filler: sentences without named entities, combined from parts, in the
// future or the past tense.
var (
	fillOpeners = [2][]string{
		{"In the next step, ", "Going forward, ", "Next, ", "This year, ", "", "At the same time, ", "On this basis, "},
		{"Over the past year, ", "In recent years, ", "Since the start of the plan period, ", "", "Meanwhile, ", "In particular, "},
	}
	fillSubjects = []string{"we", "local authorities", "market entities", "enterprises", "universities and research institutes",
		"the administrations at all levels", "industry associations", "intellectual property service agencies"}
	fillVerbs = [2][]string{
		{"will further improve", "will accelerate", "need to deepen", "should pay closer attention to", "will continue to strengthen", "are expected to optimize"},
		{"have steadily strengthened", "continued to optimize", "have actively promoted", "have made solid progress in", "further improved", "stepped up"},
	}
	fillObjects = []string{"the system for the protection of intellectual property", "examination quality and efficiency",
		"the commercialization of patented technologies", "public services for intellectual property information",
		"the rules governing data intellectual property", "coordination between administrative and judicial protection",
		"the cultivation of high-value patents", "the supervision of intellectual property agencies", "the protection of trade secrets",
		"the handling of overseas intellectual property disputes", "the credit system in the field of intellectual property",
		"the training of intellectual property professionals", "the use of intellectual property by small firms",
		"the fight against counterfeiting in online marketplaces"}
	fillEnds = []string{" so as to better serve high-quality development", " to create a sound environment for innovation",
		", providing strong support for building a country with strong intellectual property", " to meet the needs of innovators",
		"", "", " in line with the overall plan", " across the country"}
)

// filler writes a sentence of policy language without figures or names.
func (w *writer) filler() string {
	tense := w.r.IntN(2)
	return capFirst(pick(w.r, fillOpeners[tense])+pick(w.r, fillSubjects)) + " " + pick(w.r, fillVerbs[tense]) + " " +
		pick(w.r, fillObjects) + pick(w.r, fillEnds) + "."
}

// clause is reported speech: a statement with a figure, or without.
func (w *writer) clause() string {
	if w.chance(0.5) {
		m := w.nextMetric(mCount, mYuan)
		p := w.period(m)
		return m.name + " reached " + w.figure(m, w.value(m, p.year, p.frac, 1)) + " " + p.tail
	}
	tense := w.r.IntN(2)
	return pick(w.r, fillSubjects) + " " + pick(w.r, fillVerbs[tense]) + " " + pick(w.r, fillObjects)
}

// sentence writes one body sentence, mixing the kinds in proportions
// close to those of real policy texts.
func (w *writer) sentence() string {
	switch k := w.r.IntN(20); {
	case k < 3:
		return pick(w.r, statTemplates)(w)
	case k < 4:
		return pick(w.r, regionTemplates)(w)
	case k < 8:
		return pick(w.r, relationTemplates)(w)
	case k < 10:
		return pick(w.r, personTemplates)(w)
	default:
		return w.filler()
	}
}

// sentences writes n body sentences.
func (w *writer) sentences(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = w.sentence()
	}
	return out
}
