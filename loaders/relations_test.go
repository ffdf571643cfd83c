package loaders

import (
	"testing"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// relCase is one relation rule test: a text, the relations it must yield
// and the relations it must not yield.
type relCase struct {
	name  string
	text  string
	want  [][3]string
	wantN [][3]string
}

func runRelCases(t *testing.T, cases []relCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ext := extractText(t, nil, c.text)
			for _, r := range c.want {
				if !hasRelation(ext, r[0], r[1], r[2]) {
					t.Errorf("missing %v\nentities: %v\nrelations: %+v", r, entityIDs(ext), ext.Relations)
				}
			}
			for _, r := range c.wantN {
				if hasRelation(ext, r[0], r[1], r[2]) {
					t.Errorf("unexpected %v in %+v", r, ext.Relations)
				}
			}
			checkEvidence(t, ext, c.text)
		})
	}
}

func entityIDs(ext *Extraction) []string {
	var ids []string
	for _, e := range ext.Entities {
		ids = append(ids, e.ID+":"+string(e.Type))
	}
	return ids
}

// checkEvidence verifies that every relation's sentence is the document's
// text at its rune offset.
func checkEvidence(t *testing.T, ext *Extraction, text string) {
	t.Helper()
	doc := []rune(ext.Source.Text)
	for _, r := range ext.Relations {
		rs := []rune(r.Sentence)
		if r.Offset < 0 || r.Offset+len(rs) > len(doc) || string(doc[r.Offset:r.Offset+len(rs)]) != r.Sentence {
			t.Errorf("relation %s %s %s: sentence %q is not the text at offset %d", r.Subject, r.Predicate, r.Object, r.Sentence, r.Offset)
		}
	}
}

func TestRelationsCoordination(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "co-agents joined with, to issue",
			text: "In 2021, the Zhongshan Provincial Seed Administration joined with the Zhongshan Forestry Bureau and the Zhongshan Customs Office to issue the Measures on Seed Variety Protection.",
			want: [][3]string{
				{"zhongshan_provincial_seed_administration", "issued", "measures_on_seed_variety_protection"},
				{"zhongshan_forestry_bureau", "issued", "measures_on_seed_variety_protection"},
				{"zhongshan_customs_office", "issued", "measures_on_seed_variety_protection"},
			},
		},
		{
			name: "co-agents split over two sentences",
			text: "The Zhongshan Provincial Seed Administration worked in collaboration with the Zhongshan Forestry Bureau, the Zhongshan Water Resources Bureau,\nthe Zhongshan Customs Office and the Zhongshan Statistics Bureau to publish the Opinions on Seed Variety Protection.",
			want: [][3]string{
				{"zhongshan_provincial_seed_administration", "issued", "opinions_on_seed_variety_protection"},
				{"zhongshan_forestry_bureau", "issued", "opinions_on_seed_variety_protection"},
				{"zhongshan_statistics_bureau", "issued", "opinions_on_seed_variety_protection"},
				{"zhongshan_provincial_seed_administration", "cooperatesWith", "zhongshan_customs_office"},
			},
		},
		{
			name: "joint subjects in text order",
			text: "The Zhongshan Provincial Seed Administration and the Zhongshan Forestry Bureau jointly launched the Green Seed Campaign.",
			want: [][3]string{
				{"zhongshan_provincial_seed_administration", "cooperatesWith", "zhongshan_forestry_bureau"},
				{"zhongshan_provincial_seed_administration", "runs", "green_seed_campaign"},
				{"zhongshan_forestry_bureau", "runs", "green_seed_campaign"},
			},
		},
		{
			name: "between pairs",
			text: "The agreements on seed protection between China and France, China and Thailand as well as China and Chile were renewed.",
			want: [][3]string{
				{"china", "cooperatesWith", "france"},
				{"china", "cooperatesWith", "thailand"},
				{"china", "cooperatesWith", "chile"},
			},
		},
		{
			name: "sentence subject reaches a far verb",
			text: "In 2020, the Zhongshan Provincial Seed Administration took orderly measures to improve seed quality across many counties and renewed its agreement on cooperation with the Zhongshan Forestry Bureau.",
			want: [][3]string{
				{"zhongshan_provincial_seed_administration", "cooperatesWith", "zhongshan_forestry_bureau"},
			},
		},
	})
}

func TestRelationsImplements(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name:  "implementation of",
			text:  "The Zhongshan Provincial Seed Administration actively organized the implementation of the Green Seed Campaign.",
			want:  [][3]string{{"zhongshan_provincial_seed_administration", "implements", "green_seed_campaign"}},
			wantN: [][3]string{{"zhongshan_provincial_seed_administration", "runs", "green_seed_campaign"}},
		},
		{
			name:  "implementation of, not the subject's action",
			text:  "The Zhongshan Provincial Seed Administration reported on progress with regard to the implementation of the Green Seed Campaign.",
			wantN: [][3]string{{"zhongshan_provincial_seed_administration", "implements", "green_seed_campaign"}},
		},
		{
			name: "in accordance with",
			text: "In accordance with the Measures on Seed Variety Protection, the Zhongshan Provincial Seed Administration inspected 300 seed companies.",
			want: [][3]string{{"zhongshan_provincial_seed_administration", "implements", "measures_on_seed_variety_protection"}},
		},
		{
			name:  "published a schedule for an instrument",
			text:  "The Zhongshan Provincial Seed Administration formulated and published the division of tasks and progress schedule for the Opinions on Seed Variety Protection.",
			want:  [][3]string{{"zhongshan_provincial_seed_administration", "implements", "opinions_on_seed_variety_protection"}},
			wantN: [][3]string{{"zhongshan_provincial_seed_administration", "issued", "opinions_on_seed_variety_protection"}},
		},
		{
			name: "title concerning the implementation of",
			text: "Circular of the Ministry of Agriculture\nConcerning the Implementation of the Opinions on Seed Variety Protection\n\nAll county seed stations shall report by May.",
			want: [][3]string{{"moa", "implements", "opinions_on_seed_variety_protection"}},
		},
	})
}

func TestRelationsIssuedAndRuns(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "to publish",
			text: "The Zhongshan Provincial Seed Administration decided to publish the Measures on Seed Variety Protection.",
			want: [][3]string{{"zhongshan_provincial_seed_administration", "issued", "measures_on_seed_variety_protection"}},
		},
		{
			name:  "issue verb without an entity object",
			text:  "The Zhongshan Provincial Seed Administration issued 300 licences last year.",
			wantN: [][3]string{{"zhongshan_provincial_seed_administration", "issued", "licences"}},
		},
		{
			name: "during a program, we",
			text: "Zhongshan Provincial Seed Administration annual report\n\nThe Zhongshan Provincial Seed Administration oversees seed markets. During the Green Seed Campaign, we inspected 300 seed companies.",
			want: [][3]string{{"zhongshan_provincial_seed_administration", "runs", "green_seed_campaign"}},
		},
		{
			name: "co-agents along with, will host",
			text: "Zhongshan Provincial Seed Administration annual report\n\nThe Zhongshan Provincial Seed Administration oversees seed markets. In May, we, along with the Zhongshan Forestry Bureau and the Zhongshan Customs Office, will host the Green Seed Forum.",
			want: [][3]string{
				{"zhongshan_provincial_seed_administration", "runs", "green_seed_forum"},
				{"zhongshan_provincial_seed_administration", "cooperatesWith", "zhongshan_forestry_bureau"},
			},
		},
		{
			name: "instrument title concerns a program",
			text: "The Zhongshan Provincial Seed Administration issued the Opinions on Accelerating the Implementation of the Green Seed Campaign.",
			want: [][3]string{
				{"opinions_on_accelerating_the_implementation_of_the_green_seed_campaign", "concerns", "green_seed_campaign"},
				{"opinions_on_accelerating_the_implementation_of_the_green_seed_campaign", "implements", "green_seed_campaign"},
			},
		},
	})
}

func TestRelationsStructure(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "absorb a list",
			text: "The Zhongshan Provincial Seed Administration is being reorganized to absorb the Zhongshan Forestry Bureau and the Zhongshan Statistics Bureau.",
			want: [][3]string{
				{"zhongshan_forestry_bureau", "mergedInto", "zhongshan_provincial_seed_administration"},
				{"zhongshan_statistics_bureau", "mergedInto", "zhongshan_provincial_seed_administration"},
			},
			wantN: [][3]string{
				{"zhongshan_provincial_seed_administration", "succeededBy", "zhongshan_forestry_bureau"},
				{"zhongshan_provincial_seed_administration", "mergedInto", "zhongshan_forestry_bureau"},
			},
		},
		{
			name: "within",
			text: "Some ask whether the Zhongshan Seed Bureau will remain within the Zhongshan Provincial Agriculture Administration.",
			want: [][3]string{{"zhongshan_seed_bureau", "partOf", "zhongshan_provincial_agriculture_administration"}},
		},
		{
			name: "unit of this Office",
			text: "Circular of the Ministry of Agriculture\n\nReports must be submitted to the Seed Quality Department of this Office before April 30.",
			want: [][3]string{{"seed_quality_department_of_this_office", "partOf", "moa"}},
		},
		{
			name: "body named after its city",
			text: "The Shenzhen Seed Tribunal opened in Shenzhen on May 2.",
			want: [][3]string{{"shenzhen_seed_tribunal", "locatedIn", "shenzhen"}},
		},
		{
			name:  "national body is not located in its country by name",
			text:  "The China Seed Administration met officials from China.",
			wantN: [][3]string{{"china_seed_administration", "locatedIn", "china"}},
		},
		{
			name:  "member of the public",
			text:  "Any member of the public may write to the Zhongshan Provincial Seed Administration.",
			wantN: [][3]string{{"public", "memberOf", "zhongshan_provincial_seed_administration"}},
		},
	})
}

func TestContinues(t *testing.T) {
	mk := func(s string) *sentInfo { return &sentInfo{Sentence: Sentence{Text: s}, toks: text.Tokenize(s)} }
	tests := []struct {
		a, b string
		want bool
	}{
		{"It worked with the Forestry Bureau,", "the Customs Office and others.", true},
		{"Circular of the Seed Administration", "Concerning the Implementation of the Opinions", true},
		{"The Office formulated the Rules for Licensing", "in the Event of Emergency.", true},
		{"The Office formulated the Rules.", "the next sentence is odd.", false},
		{"Annual Report", "The Office formulated the Rules.", false},
	}
	for _, tt := range tests {
		if got := continues(mk(tt.a), mk(tt.b)); got != tt.want {
			t.Errorf("continues(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestRelationsHeldIn(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "will be held in",
			text: "This year, the Green Seed Forum will be held in Shenzhen on May 2.",
			want: [][3]string{{"green_seed_forum", "locatedIn", "shenzhen"}},
		},
		{
			name:  "held with no subject mention",
			text:  "Talks were held in Shenzhen on May 2.",
			wantN: [][3]string{{"talks", "locatedIn", "shenzhen"}},
		},
	})
}
