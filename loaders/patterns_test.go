package loaders

import (
	"strings"
	"testing"
)

// entityNamed returns the entity of ext whose normalized name or alias is
// name, or nil.
func entityNamed(ext *Extraction, name string) *Entity { return typedEntityNamed(ext, "", name) }

// TestPatternFamilies checks each pattern family on sentences written for
// the test: the named entity must be found with its type, and its rule
// must say why.
func TestPatternFamilies(t *testing.T) {
	cases := []struct {
		family, text, name string
		typ                EntityType
		rule               string // substring of Entity.Rule
	}{
		{"law by head", "The council adopted the Seed Quality Law last week.", "Seed Quality Law", Law, "pattern"},
		{"measures for", "The bureau issued the Measures for the Filing of Software Licences on Monday.", "Measures for the Filing of Software Licences", Law, "Measures"},
		{"opinions on", "Provinces must follow the Opinions on Improving Trade Secret Protection from now on.", "Opinions on Improving Trade Secret Protection", Law, "Opinions"},
		{"notice on", "Local offices received the Notice on Cleaning Up Abnormal Filings yesterday.", "Notice on Cleaning Up Abnormal Filings", Law, "Notice"},
		{"title with year", "The office published the 2019 Annual Plan for Building a Patent Culture in March.", "2019 Annual Plan for Building a Patent Culture", Program, "pattern"},
		{"title with quoted part", `The office drafted the Work Plan for Serving the "Green Silk Road" Initiative this spring.`, `Work Plan for Serving the "Green Silk Road" Initiative`, Program, "pattern"},
		{"title across a page break", "The rules were approved. Officials then formulated the Guidelines for Licensing Seeds\n\n\nin Mountain Regions and sent them out.", "Guidelines for Licensing Seeds in Mountain Regions", Law, "pattern"},
		{"program by head", "Over 300 firms joined the Lotus Valley Patent Navigation Program last year.", "Lotus Valley Patent Navigation Program", Program, "Program"},
		{"platform with bracketed place", "The Regional Patent Exchange Platform-Finance (Nanhai) Pilot Platform opened.", "Regional Patent Exchange Platform-Finance (Nanhai) Pilot Platform", Program, "Platform"},
		{"quoted campaign", `Police launched the operation code named "Iron Kettle" across the province.`, "Iron Kettle", Program, "quoted"},
		{"quoted list", `Customs ran two special operations code named "Morning Frost" and "Silver Shield" this year.`, "Silver Shield", Program, "quoted"},
		{"quoted with description", `They set up a “7 + 2” patent review cooperation program in the south.`, `“7 + 2” patent review cooperation program`, Program, "quoted name with description"},
		{"quoted with and", `Firms joined the "Ten Cities and Hundred Parks" matchmaking event in May.`, `"Ten Cities and Hundred Parks" matchmaking event`, Program, "quoted"},
		{"agency ministry of", "Officials of the Ministry of Ocean Resources visited the port.", "Ministry of Ocean Resources", Agency, "Ministry"},
		{"agency by head", "The Lanxi Municipal Market Bureau fined the shop.", "Lanxi Municipal Market Bureau", Agency, "Bureau"},
		{"ip center is an agency", "The Hubei IPR Complaints and Assistance Center handled 400 cases.", "Hubei IPR Complaints and Assistance Center", Agency, "pattern"},
		{"company limited", "Prizes went to the Ningxia Goji Trading (Group) Company Limited on Friday.", "Ningxia Goji Trading (Group) Company Limited", Organization, "Limited"},
		{"website platform", "Rules are published on the patentinfo.cn portal every week.", "patentinfo.cn", Program, "web site"},
		{"website speaker", "Thank you.\nExamplenews.com.cn:\nMy question is about patents.", "Examplenews.com.cn", Organization, "speaker turn"},
		{"person with title", "Vice Minister Tang Wenjun opened the forum.", "Tang Wenjun", Person, "title"},
		{"person with apposition", "Gao Mingyuan, deputy commissioner of the CNIPA, answered.", "Gao Mingyuan", Person, "apposition"},
		{"person speaker turn", "Thank you.\nLuo Jiahui:\nGood afternoon.", "Luo Jiahui", Person, "speaker turn"},
		{"acronym", "The Hexi Seed Inspection Agency (HSIA) was set up in 2020. HSIA has 40 staff.", "HSIA", Agency, ""},
		{"gazetteer", "The CNIPA answered questions.", "China National Intellectual Property Administration", Agency, "gazetteer agencies.tsv:cnipa"},
		{"hyphenated places", "Talks covered China-Kenya and China-Central Asia trade.", "Kenya", Region, "hyphenated"},
		{"gazetteer with ip short form", "Officials discussed the Outline of the National IP Strategy today.", "Outline of the National Intellectual Property Strategy", Law, "gazetteer laws.tsv"},
		{"lower-case statute", "They urged revision of the company law, the seed law, etc.", "Company Law", Law, "gazetteer laws.tsv:company_law"},
		{"ordinal inside known body", "The Standing Committee of the 14th National People's Congress voted.", "Standing Committee of the National People's Congress", Agency, "gazetteer"},
	}
	for _, c := range cases {
		t.Run(c.family, func(t *testing.T) {
			ext := extractText(t, nil, "Test document\n"+c.text)
			e := entityNamed(ext, c.name)
			if e == nil {
				var got []string
				for _, x := range ext.Entities {
					got = append(got, string(x.Type)+":"+x.Name)
				}
				t.Fatalf("%q not found; got %v", c.name, got)
			}
			if e.Type != c.typ {
				t.Errorf("%q: type %s, want %s", c.name, e.Type, c.typ)
			}
			if c.rule != "" && !strings.Contains(e.Rule, c.rule) {
				t.Errorf("%q: rule %q, want it to mention %q", c.name, e.Rule, c.rule)
			}
		})
	}
}

// TestPatternNegatives lists phrases that look like names and are not.
func TestPatternNegatives(t *testing.T) {
	cases := []struct {
		family, text string
		notName      string // no entity may have this name or alias
	}{
		{"generic head phrase", "SIPO may be raised to a General Administration within the cabinet.", "General Administration"},
		{"heading fragment", "Review\n\nProtection and Administration\n\nSIPO worked hard.", "Protection and Administration"},
		{"common noun plan", "The target is in the latest Five-Year Plan as before.", "Five-Year Plan"},
		{"central government", "Cities directly under the Central Government joined.", "Central Government"},
		{"year alone", "In 2019 the figure rose to 40 percent.", "2019"},
		{"surname inside city", "Exports from Changzhou grew fast.", "Chang"},
		{"acronym that does not fit", "The Ministry of Ocean Resources (XYZ) met. XYZ agreed.", "XYZ"},
		{"quoted slogan", `They warned against being "large but not strong" in patents.`, "large but not strong"},
		{"quoted metric", `The "number of patents per 10,000 people" rose.`, "number of patents per 10,000 people"},
		{"statute words as a modifier", "She works at a company law firm in Beijing.", "Company Law"},
		{"email is no website", "Write to info@example.cn for details.", "example.cn"},
		{"lowercase development", "The plan supports innovation-driven development in towns.", "innovation-driven development"},
	}
	for _, c := range cases {
		t.Run(c.family, func(t *testing.T) {
			ext := extractText(t, nil, "Test document\n"+c.text)
			if e := entityNamed(ext, c.notName); e != nil {
				t.Errorf("%q recognized as %s %q (rule %q)", c.notName, e.Type, e.Name, e.Rule)
			}
			for _, e := range ext.Entities {
				if e.Type == Person && strings.Contains(e.Name, "Chang") && !strings.Contains(c.text, e.Name) {
					t.Errorf("person %q made from part of a word", e.Name)
				}
			}
		})
	}
}

// TestOneNodePerEntity checks resolution: a full name, its acronym and an
// ordinal form of one body give one entity; "Full Name (ACR)" gives the
// alias.
func TestOneNodePerEntity(t *testing.T) {
	text := "Test document\nThe Third Lotus Forum for Seed Cooperation opened. The Lotus Forum for Seed Cooperation is held yearly.\n" +
		"The Political Bureau of the 20th CPC Central Committee met. The Political Bureau of the CPC Central Committee met again."
	ext := extractText(t, nil, text)
	n := 0
	for _, e := range ext.Entities {
		if strings.Contains(e.Name, "Lotus Forum") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Lotus Forum: %d entities, want 1", n)
	}
	pb := 0
	for _, e := range ext.Entities {
		if e.ID == "politburo" {
			pb++
		}
	}
	if pb != 1 {
		t.Errorf("politburo: %d entities, want 1", pb)
	}
}

// TestExtractNeverPanics feeds odd inputs through the extractor.
func TestExtractNeverPanics(t *testing.T) {
	for _, text := range []string{
		"", "\"", "“", `"A" and "`, "China-", "-China", "a--b.cn", "(", "( )", "X (", "Ministry of",
		"Name:\n:", strings.Repeat("\"Word\" ", 200), strings.Repeat("China-", 100) + "Asia",
		"The 2017\n\n\nAnnual", "Company (Group) (", "www..cn", ".cn", "\"15 + 3\"",
	} {
		doc, err := ParseDocument("odd.txt", []byte(text))
		if err != nil {
			continue
		}
		if _, err := newTestExtractor(t).Extract(t.Context(), doc); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
}

// TestAmendedLawIsTheLaw: "the Amended Patent Law" is the Patent Law, not
// a new law.
func TestAmendedLawIsTheLaw(t *testing.T) {
	ext := extractText(t, nil, "Case\n\nThe Amended Patent Law took effect on June 1, and the Revised Anti-Unfair Competition Law followed.\n")
	for _, e := range ext.Entities {
		if e.Type == Law && e.ID != "patent_law" && e.ID != "aucl" {
			t.Errorf("law %q (%s), want only the Patent Law and the AUCL", e.Name, e.Rule)
		}
	}
	if findEntity(ext, "patent_law") == nil || findEntity(ext, "aucl") == nil {
		t.Errorf("laws: %s", entityList(ext))
	}
}

// TestBodiesByPlaceAndFragments: two bodies that differ by their place are
// two bodies; a heading's participle does not start a name.
func TestBodiesByPlaceAndFragments(t *testing.T) {
	ext := extractText(t, nil, "Case\n\nDelegates of the Trade Office of Japan and the Trade Office of Korea attended. The Renamed IP Office opened on Monday.\n")
	j, k := entityNamed(ext, "Trade Office of Japan"), entityNamed(ext, "Trade Office of Korea")
	if j == nil || k == nil || j.ID == k.ID {
		t.Errorf("two trade offices, got %s", entityList(ext))
	}
	if e := entityNamed(ext, "Renamed IP Office"); e != nil {
		t.Errorf("a fragment became an entity: %+v", e)
	}
}

// TestDefiniteDescriptions: "the Outline" and "the IP Court" refer back to
// the entity of the document with that head or short form; a head the
// document never used refers to nothing.
func TestDefiniteDescriptions(t *testing.T) {
	ext := extractText(t, nil, "Case\n\nThe Intellectual Property Court of the SPC opened in 2019. Luo Ming, chief judge of the IP Court, spoke. The Outline for Building a Strong Patent System was issued in May. The Outline was issued jointly by the State Council. The Strategy was praised.\n")
	court := entityNamed(ext, "Intellectual Property Court of the SPC")
	if court == nil || !hasRelation(ext, "luo_ming", "memberOf", court.ID) {
		t.Errorf("the IP Court: %v", ext.Relations)
	}
	outline := entityNamed(ext, "Outline for Building a Strong Patent System")
	if outline == nil || !hasRelation(ext, "state_council", "issued", outline.ID) {
		t.Errorf("the Outline: %v", ext.Relations)
	}
	for _, e := range ext.Entities {
		for _, m := range e.Mentions {
			if strings.Contains(m.Text, "The Strategy was praised") {
				t.Errorf("\"the Strategy\" refers to %s, want nothing", e.ID)
			}
		}
	}
}
