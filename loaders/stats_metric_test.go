package loaders

import (
	"strings"
	"testing"
)

// TestMetricRules checks the metric rules on sentences of their own: each
// case names a figure and words its metric must (or must not) contain.
func TestMetricRules(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		value float64
		want  []string // words the metric must contain
		not   []string // words it must not contain
	}{
		{"respectively first", "Last year the office granted 300,000 design patents and 1.2 million trademarks, up 12% and 9% year on year, respectively.", 12, []string{"growth", "design patents"}, []string{"trademarks"}},
		{"respectively second", "Last year the office granted 300,000 design patents and 1.2 million trademarks, up 12% and 9% year on year, respectively.", 9, []string{"growth", "trademarks"}, nil},
		{"no respectively", "Last year the office granted 300,000 design patents, up 12% year on year.", 12, []string{"growth", "design patents"}, nil},
		{"of which share", "Firms from 40 countries held valid patents in the software sector, of which 55.5% belonged to the cloud services segment.", 55.5, []string{"share", "valid patents", "cloud services"}, nil},
		{"of which part", "Royalty trade amounted to $20.5 billion, of which imports were $15.1 billion.", 15.1e9, []string{"imports", "royalty trade"}, nil},
		{"difference", "Imports grew by 10.2%, which was 3.1 percentage points higher than the growth rate of exports.", 3.1, []string{"difference", "exports"}, nil},
		{"share of cases", "On average, foreign firms are plaintiffs in 15% of all cases.", 15, []string{"share", "cases", "plaintiffs"}, nil},
		{"share predicate", "That share is higher in Shanghai, where up to 25% of cases are foreign related.", 25, []string{"share", "cases", "foreign related"}, nil},
		{"subject by", "Research institutes across the province completed an inventory of 12,000 dormant patents.", 12000, []string{"dormant patents", "research institutes"}, []string{"province"}},
		{"relative antecedent", "The bureau published the 2019 Work Plan for Copyright Protection which provided 48 specific tasks.", 48, []string{"specific tasks", "Work Plan"}, nil},
		{"pronoun subject", "We interviewed 500 patent agencies.", 500, []string{"patent agencies interviewed"}, []string{"by"}},
		{"participle after comma", "The office held a training course for patent examiners, enrolling over 120 trainees.", 120, []string{"trainees enrolled", "training course"}, nil},
		{"participle prior figure", "Pledge financing reached 30 billion yuan, benefiting more than 5,000 companies.", 5000, []string{"companies", "pledge financing"}, nil},
		{"prep object", "The agency has set up 40 service centers across 12 provinces.", 12, []string{"provinces", "service centers"}, nil},
		{"passive prep", "Data licensing pilots have been launched in 9 cities.", 9, []string{"cities", "data licensing pilots"}, nil},
		{"abbreviation in np", "Protection was granted to 75 geographical indication (GI) products.", 75, []string{"geographical indication products"}, nil},
		{"oxford series", "More than 4,000 civil, criminal, and administrative cases were closed.", 4000, []string{"administrative cases"}, nil},
		{"series not clause", "Universities made an inventory of 9,000 patents, and overall progress has exceeded 80%.", 9000, nil, []string{"progress"}},
		{"also participle", "12 provinces also set up awards for designs.", 12, []string{"set up awards"}, nil},
		{"coordinated tail", "The value of 40 tea products and 25 tea trademarks from mountain counties reached 2 billion yuan.", 40, []string{"tea products", "mountain counties"}, nil},
		{"coordinated of", "The insurers launched three categories and 12 types of patent insurance products.", 3, []string{"categories of patent insurance products"}, nil},
		{"rank index", "According to the Global Startup Index 2021, the city rose from 20th in 2019 to 9th in 2021.", 9, []string{"Global Startup Index"}, nil},
		{"amount of", "The ministry secured special funds in the amount of RMB 3 billion to support patent transfer centers.", 3e9, []string{"special funds", "patent transfer"}, []string{"amount"}},
		{"complement after", "The planned budget was RMB 2.5 billion for the regional innovation funds.", 2.5e9, []string{"planned budget", "regional innovation funds"}, nil},
		{"per people", "Invention patents should reach 15 per 10,000 people.", 15, []string{"per 10,000 people"}, []string{"should"}},
		{"and after figure", "The number of bureaus will be cut by 5 and regional offices were reduced by 3.", 3, []string{"regional offices"}, []string{"bureaus"}},
		{"rate of same sentence", "The average review period for design patents has stabilized at 6.5 months, with an approval rate of 91.5%.", 91.5, []string{"approval rate", "design patents"}, nil},
		{"with clause", "Acme Corp was the largest domestic design grantee, with about 2,100 patents.", 2100, []string{"largest domestic design grantee"}, nil},
		{"duration", "After 24 months of trial operation, the system went live.", 24, []string{"duration of trial operation"}, nil},
		{"this anaphor", "Software firms filed 50,000 applications in 2023. This sector has kept an average annual growth rate of 18% over five years.", 18, []string{"average annual growth rate", "applications"}, []string{"sector"}},
		{"possessive number", "In 2022, 300 of the world's 2,000 top firms were from Asia.", 300, []string{"2,000 top firms"}, nil},
		{"totaling", "Customs detained 8,000 batches of counterfeit toys, totaling 2.5 million items.", 2.5e6, []string{"items", "counterfeit toys"}, nil},
		{"definite anaphor", "The planned budget was RMB 5 billion for the regional seed innovation funds. 7 of the funds have been launched.", 7, []string{"regional seed innovation funds"}, nil},
		{"definite anaphor own noun", "Police received 5,000 fraud cases. The courts closed 21,000 criminal cases, and the value involved in the cases reached 18 billion yuan.", 18e9, []string{"cases"}, []string{"fraud"}},
		{"gloss kept", "Pilot programs were carried out in 20 cities (districts) undertaking the pilot programs.", 20, []string{"cities (districts)", "undertaking"}, nil},
		{"gloss not a reference", "The office approved 12 service centers (see Table 3) last year.", 12, []string{"service centers"}, []string{"see"}},
		{"hyphen and", "The platform matched patents with 110,000 small- and medium-sized enterprises.", 110000, []string{"medium-sized enterprises", "small"}, nil},
		{"long series", "Delegates came from over 60 Belt and Road partner countries, regions, and international organizations.", 60, []string{"international organizations"}, nil},
		{"top n and among frame", "Among foreign filers, Germany had 3 companies in the top 10.", 3, []string{"top 10", "among foreign filers"}, nil},
		{"threshold tail", "In the assessment, 12 provinces (autonomous regions) scored more than 85 points.", 12, []string{"scored more than 85 points"}, nil},
		{"tail stops at new clause", "A total of 850 cases were mediated and a total of 500 arbitration cases were received.", 850, []string{"cases mediated"}, []string{"arbitration", "total"}},
		{"frame pronoun", "Among them, 30 firms were fined.", 30, []string{"firms"}, []string{"among"}},
		{"frame clause", "During the period when the pilot ran, 15 mediation centers were set up.", 15, []string{"mediation centers"}, []string{"during"}},
		{"during frame", "During last year's Clean Web campaign, we interviewed 1,200 online platforms.", 1200, []string{"online platforms", "during Clean Web campaign"}, []string{"last"}},
		{"relative place", "The Shenzhen and Ningbo trading platforms, on which nearly 9,000 patents have been listed, served many firms.", 9000, []string{"patents", "on Shenzhen and Ningbo trading platforms"}, nil},
		{"relative particle", "The inspection has been carried out, in which 10 provinces took part.", 10, []string{"provinces"}, []string{"out"}},
		{"shared modifiers", "The office approved 14 data service industry pilot zones and 5 model zones.", 5, []string{"data service industry model zones"}, nil},
		{"of count", "The 500 patents are a small subset of the university's patent holdings in Europe of approximately 12,000.", 12000, []string{"university's patent holdings"}, []string{"subset"}},
		{"of count after verb", "The number of valid design registrations reached a new record high of 1.2 million.", 1.2e6, []string{"design registrations"}, []string{"record"}},
		{"of count total", "Mediators handled a total of 500 disputes.", 500, []string{"disputes"}, []string{"total"}},
		{"shared modifiers short", "The office granted 30 invention patents and 5 utility patents.", 5, []string{"utility patents"}, []string{"invention"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			found := statisticWithValue(t, tc.text, tc.value)
			m := strings.ToLower(found.Metric)
			for _, w := range tc.want {
				if !strings.Contains(m, strings.ToLower(w)) {
					t.Errorf("metric %q lacks %q", found.Metric, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(m, strings.ToLower(w)) {
					t.Errorf("metric %q has %q", found.Metric, w)
				}
			}
		})
	}
}
