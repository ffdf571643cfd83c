package loaders

import "strings"

// Head words decide the type of a capitalized phrase ("… Administration" is
// an Agency, "… Law" a Law). They are matched against the last word of the
// phrase's first run of capitalized words.
var headTypes = map[string]EntityType{
	"Ministry": Agency, "Administration": Agency, "Office": Agency, "Bureau": Agency,
	"Commission": Agency, "Court": Agency, "Tribunal": Agency, "Department": Agency,
	"Council": Agency, "Committee": Agency, "Procuratorate": Agency, "Authority": Agency,
	"Government": Agency, "Congress": Agency, "Board": Agency, "Agency": Agency,
	"Secretariat": Agency, "Corps": Agency, "Conference": Program, "Base": Program,

	"University": Organization, "Institute": Organization, "Academy": Organization,
	"Association": Organization, "Society": Organization, "Corporation": Organization,
	"Company": Organization, "Group": Organization, "College": Organization,
	"Daily": Organization, "News": Organization, "Times": Organization, "TV": Organization,
	"Television": Organization, "Magazine": Organization, "Press": Organization,
	"Network": Organization, "Laboratory": Organization, "Lab": Organization,
	"Hospital": Organization, "Federation": Organization, "Chamber": Organization,
	"Bank": Organization, "Exchange": Organization, "Alliance": Organization,
	"Center": Organization, "Centre": Organization, "Limited": Organization, "Ltd": Organization,
	"Inc": Organization, "Incorporated": Organization, "Partners": Organization, "Industries": Organization, "Appliances": Organization,
	"Pharmaceutical": Organization, "Pharmaceuticals": Organization, "Chemicals": Organization, "Beverage": Organization,
	"Trading": Organization, "Electronics": Organization, "Materials": Organization, "Holdings": Organization,
	"Co": Organization, "Corp": Organization, "LLP": Organization, "LLC": Organization, "Foundation": Organization, "Institution": Organization,

	"Law": Law, "Treaty": Law, "Agreement": Law, "Convention": Law, "Protocol": Law,
	"Regulations": Law, "Regulation": Law, "Measures": Law, "Opinions": Law,
	"Outline": Law, "Circular": Law, "Notice": Law, "Guidelines": Law, "Provisions": Law,
	"Rules": Law, "Decision": Law, "Resolution": Law, "Interpretation": Law, "Code": Law,
	"Act": Law, "Constitution": Law, "Directive": Law, "Guidance": Law,
	"Notification": Law, "Scheme": Law, "Letter": Law, "Catalogue": Law,

	"Program": Program, "Programme": Program, "Plan": Program, "Campaign": Program,
	"Project": Program, "Initiative": Program, "Pilot": Program, "Platform": Program,
	"Fund": Program, "Strategy": Program, "Award": Program, "Prize": Program,
	"Action": Program, "Week": Program, "Index": Program, "Forum": Program, "Expo": Program,
	"Tour": Program, "Camp": Program, "Funds": Program, "Competition": Program, "Contest": Program, "Fair": Program,
	"Exhibition": Program, "Summit": Program, "Seminar": Program, "Workshop": Program, "Operation": Program,

	"Province": Region, "City": Region, "District": Region, "County": Region, "Zone": Region,
	"Area": Region, "Region": Region, "Municipality": Region, "Port": Region,
	"Prefecture": Region,
}

// leadTypes type a phrase by its first word ("Ministry of …", "Opinions on …").
var leadTypes = map[string]EntityType{
	"Ministry": Agency, "Department": Agency, "Office": Agency, "Bureau": Agency,
	"Administration": Agency, "Commission": Agency, "Committee": Agency,
	"Opinions": Law, "Measures": Law, "Regulations": Law, "Provisions": Law, "Rules": Law,
	"Outline": Law, "Circular": Law, "Notice": Law, "Guidelines": Law, "Decision": Law,
	"Resolution": Law, "Interpretation": Law, "Law": Law, "Implementing": Law,
	"Interim": Law, "Provisional": Law, "Several": Law, "Convention": Law, "Treaty": Law, "Notification": Law,
	"Agreement": Law, "Protocol": Law,
	"University": Organization, "Institute": Organization, "Academy": Organization,
}

// connectors may join capitalized words inside a name.
var connectors = map[string]bool{
	"of": true, "for": true, "on": true, "and": true, "the": true, "in": true, "to": true,
	"with": true, "regarding": true, "concerning": true, "against": true, "under": true,
	"at": true, "&": true, "de": true, "an": true, "a": true, "through": true, "by": true,
	"Of": true, "For": true, "On": true, "And": true, "The": true, "In": true, "To": true,
	"Concerning": true, "Regarding": true,
}

// nonStarters are capitalized words that never begin a name (sentence
// openers, pronouns, honorifics).
var nonStarters = toSet(`The A An In On At As By For From To With This That These Those We Our Us It Its He His She Her They Their I My You Your
And But Or Nor So Since After Before During Under Over Also Last First Next Now Today Yesterday Then Thus
According Meanwhile However Moreover Furthermore Besides Thanks Thank Mr Mrs Ms Dr Prof Madam Sir Here There What Which Who Why How When Where
Some Many Most All Each Every Other Another Such Both Either Neither Through Among Between Upon Via Per Further Please Yes No Not
If Although Though While Whether Because Up Down Out Off Only Even Still Just Let Dear Ladies Gentlemen Friends Good Hello Welcome
Chairperson Speakers Speaker Date Update Read Source Note Deadline Question Answer Translated Edited Regular Overall Firstly Secondly Thirdly Finally Lastly
Meanwhile Currently Recently Overall Comrade Premier President Vice Chairman Secretary Minister Commissioner Director Deputy Justice Chief Judge Councilor`)

// personTitles precede a person's name ("Premier Li Keqiang").
var personTitles = toSet(`Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Professor Madam Premier President Chairman Chairwoman Secretary Minister Commissioner
Director Justice Judge Councilor Comrade academician Academician Ambassador Governor Mayor Spokesperson spokesperson reporter Reporter
correspondent Correspondent journalist Justice Vice-Premier Chancellor Senator Representative Dean CEO Chairperson chairperson anchor`)

// appositionTitles follow "Name," and mark the name as a person
// ("Shen Changyu, commissioner of …").
var appositionTitles = toSet(`commissioner deputy director head spokesperson spokesman spokeswoman minister vice president chairman chairwoman chairperson
secretary professor researcher research associate chief judge justice member founder ceo editor reporter dean partner senior executive
general counsel lawyer attorney expert scholar fellow officer official academician inspector councilor governor mayor ambassador`)

// nameStop are capitalized words that are not parts of personal names.
var nameStop = toSet(`Party State National China Chinese People People's Central Committee Council Office Court Ministry Administration Bureau
Department Law Plan Program Patent Patents Trademark Trademarks Copyright Intellectual Property IP IPR Innovation Development Reform
January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Spring Festival Day Year New Belt Road High Quality Five Province City District Zone Free Trade Pilot Science Technology Research
Economic Social International Global World Asia Europe Africa America American European Japanese Korean General Secretary Premier President
Commissioner Director Deputy Vice Chief Justice Minister Mr Ms Dr Report Annual Work Government Session Sessions Congress Conference
University Institute Academy Association Company Group News Daily Times Media Center Centre Network Opinions Measures Regulations Outline
Notice Circular Guidelines Strategy Campaign Project Initiative Platform Fund Award Ladies Gentlemen Speakers Chairperson Date Thank Thanks
Good Morning Afternoon Welcome Friends Question Answer Phase Part Chapter Section Article Annex Table Figure Internet AI Big Data Cloud Digital`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
