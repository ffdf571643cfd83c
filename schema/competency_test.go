package schema_test

import (
	"context"
	"encoding/json"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/schema"
)

// competencyFragments are the selections every competency query shares: an
// entity's names, and a statistic with its evidence sentence and the
// entities that sentence names.
const (
	fragmentE = "\nfragment E on Entity { name aliases }"
	fragmentS = "\nfragment S on Statistic { metric value unit period subject { ...E } evidence { sentence entities { ...E } } }"
)

// withFragments appends the fragments query uses.
func withFragments(query string) string {
	if strings.Contains(query, "...S") {
		query += fragmentS
	}
	return query + fragmentE
}

// competencyQuery is how an analyst asks one gold question: a GraphQL
// query that starts from what the question names (a body, a law, a
// metric, a document) and traverses, searches or filters from there, and
// the check of its answer.
type competencyQuery struct {
	query string
	check func(got answer, q goldQuestion, names goldNames) (ok bool, missing []string)
	// miss explains an expected failure whose cause is known (for the log).
	miss string
}

// competencyQueries maps "<document number>/<question id>" to its query.
// Fragments E (entity names) and S (statistic with evidence) are appended.
var competencyQueries = map[string]competencyQuery{
	// 000: China IP blog digest, March 2018.
	"000/q1": {query: `{ law: search(text: "Opinions on Several Issues regarding Strengthening Reform and Innovation in IP Trial", types: [LAW], first: 1) {
		...E ... on Law { issuedBy { ...E } } evidence { sentence } } }`},
	"000/q2": {query: `{ cas: search(text: "Chinese Academy of Sciences", first: 1) { ...E
		relations(predicates: ["partOf", "runs", "memberOf"]) { source { ...E } target { ...E } }
		evidence { sentence entities(types: [REGION, ORGANIZATION]) { ...E } }
		statistics(mentioned: true) { ...S } } }`},
	"000/q3": {query: `{ huawei: search(text: "Huawei", first: 1) { ...E
		statistics(mentioned: true, metric: "patent applications", from: "2017", to: "2017") { ...S } } }`},
	"000/q4": {query: `{ spc: search(text: "Supreme People's Court", types: [AGENCY], first: 1) { ...E ... on Agency { officials { ...E } } }
		cases: statistics(metric: "first-instance cases", from: "2017", to: "2017") { ...S }
		litigation: statistics(metric: "litigation", from: "2017", to: "2017") { ...S } }`,
		miss: "extraction: the statistics have no subject (\"nationwide\" is not resolved to China)"},
	"000/q5": {miss: "extraction: SIPO is not linked to the SAMR (the graph has the CFDA merged into SIPO instead)",
		query: `{ samr: search(text: "State Market Supervision Administration", types: [AGENCY], first: 1) { ...E
		... on Agency { predecessors { ...E } } } }`},
	"000/q6": {query: `{ most: search(text: "Ministry of Science and Technology", types: [AGENCY], first: 1) { ...E
		... on Agency { predecessors { ...E } } } }`},
	"000/q7": {query: `{ sclao: search(text: "SCLAO", types: [AGENCY], first: 1) { ...E ... on Agency { successors { ...E } } } }`},
	"000/q8": {query: `{ p: search(text: "15 + 3", types: [PROGRAM], first: 1) { ...E
		... on Program { regions { ...E } } evidence { sentence entities(types: [REGION]) { ...E } } statistics(mentioned: true) { ...S } } }`},
	"000/q9": {query: `{ dai: search(text: "Dai Nian", types: [PERSON], first: 1) { ...E
		... on Person { positions { ...E ... on Agency { officials { ...E } } } } } }`},
	"000/q10": {query: `{ s: statistics(metric: "technology transaction market", from: "2017", to: "2017") { ...S } }`,
		miss: "extraction: the 1.3 trillion yuan tech-transaction figure was not extracted"},
	"000/q11": {query: `{ s: statistics(metric: "invention patent grantee", from: "2017", to: "2017") { ...S }
		sipo: search(text: "SIPO", types: [AGENCY], first: 1) { ...E } }`},
	"000/q12": {query: `{ us: search(text: "United States", types: [REGION], first: 1) { ...E
		statistics(mentioned: true, from: "2017", to: "2017") { ...S } } }`,
		miss: "extraction: the ranks (no 1, 7, 8, 10) are not statistics and the companies are not linked to the ranking"},
	"000/q13": {query: `{ s: search(text: "Clean Energy Research Center", first: 1) { ...E relations { source { ...E } target { ...E } } } }`},
	"000/q14": {query: `{ china: search(text: "China", types: [REGION], first: 1) { ...E
		statistics(mentioned: true, metric: "cars") { ...S } }
		held: statistics(metric: "possessed by China", document: "000_a115b26c6dbce2d3.txt") { ...S } }`},
	"000/q15": {miss: "question too complex: SIPO is compared in another sentence than the one placing the USPTO in Commerce",
		query: `{ uspto: search(text: "USPTO", types: [AGENCY], first: 1) { ...E
		... on Agency { parent { ...E } } evidence { sentence entities(types: [AGENCY]) { ...E } } } }`},

	// 001: CNIPA press conference, July 2024.
	"001/q16": {query: `{ law: search(text: "Special Action Plan for Transformation and Utilization of Patents", first: 1) { ...E
		relations { predicate source { ...E } target { ...E } } evidence { sentence entities(types: [AGENCY]) { ...E } } } }`},
	"001/q17": {query: `{ china: search(text: "China", types: [REGION], first: 1) { ...E
		statistics(mentioned: true, metric: "invention patents", from: "2024-06", to: "2024-06") { ...S } } }`},
	"001/q18": {miss: "extraction: the patent industrialization plan for SMEs is not an entity",
		query: `{ p: search(text: "patent industrialization plan SMEs", first: 1) { ...E
		relations { source { ...E } target { ...E } } evidence { sentence entities { ...E } } statistics(mentioned: true) { ...S } }
		cnipa: search(text: "CNIPA", types: [AGENCY], first: 1) { ...E ... on Agency { partners { ...E } } } }`},
	"001/q19": {query: `{ conf: search(text: "Belt and Road High-Level Conference on Intellectual Property", types: [PROGRAM], first: 1) { ...E
		... on Program { runBy { ...E } } evidence { sentence entities(types: [AGENCY]) { ...E } } statistics(mentioned: true) { ...S } }
		attendance: statistics(metric: "Belt and Road", from: "2024", to: "2024") { ...S } }`},
	"001/q20": {query: `{ p: search(text: "patent open-license pilot", types: [PROGRAM], first: 1) { ...E
		... on Program { runBy { ...E } } statistics(mentioned: true) { ...S } }
		endOf2023: statistics(from: "2023-12", to: "2023-12", document: "001_9a7392150486088c.txt") { ...S } }`,
		miss: "extraction: the open-license pilot program is not an entity (so nothing runs it)"},
	"001/q21": {query: `{ s: sentences(text: "patent open-license system", first: 20) { sentence entities { ...E } } }`},
	"001/q22": {query: `{ npc: search(text: "Standing Committee of the National People's Congress", types: [AGENCY], first: 1) { ...E
		evidence { sentence entities(types: [LAW]) { ...E } } } }`},
	"001/q23": {miss: "extraction: the data IP pilot program is not an entity and its figures have no subject",
		query: `{ m: metrics(text: "data IP", first: 10) { metric statistics(first: 10) { ...S } }
		p: search(text: "data IP pilot", first: 1) { ...E } }`},
	"001/q24": {query: `{ pph: search(text: "Patent Prosecution Highway", first: 1) { ...E
		evidence { sentence entities(types: [REGION]) { ...E } } statistics(mentioned: true) { ...S } }
		s: statistics(metric: "Patent Prosecution Highway") { ...S } }`},
	"001/q25": {miss: "extraction: the nationwide figures have no subject (China)",
		query: `{ s: statistics(metric: "patent transfers and licenses", from: "2024-H1", to: "2024-H1") { ...S } }`},
	"001/q26": {query: `{ gii: search(text: "Global Innovation Index", first: 1) { ...E
		relations { source { ...E } target { ...E } } evidence { sentence entities { ...E } } }
		s: statistics(metric: "Global Innovation Index rank") { ...S } }`},
	"001/q27": {miss: "question too complex: the official is tied to the topic only by the Q&A turn, not by a sentence",
		query: `{ sys: sentences(text: "patent open-license system", first: 10) { sentence entities(first: 5) { ...E ... on Person { positions(first: 5) { ...E ... on Agency { parent { ...E } } } } } } }`},
	"001/q28": {query: `{ s: statistics(metric: "invention patent applications", from: "2024-H1", to: "2024-H1") { ...S } }`},
	"001/q29": {query: `{ s: statistics(metric: "existing invention patents inventory", to: "2024-06") { ...S }
		cnipa: search(text: "CNIPA", types: [AGENCY], first: 1) { ...E ... on Agency { partners { ...E } } } }`},
	"001/q30": {query: `{ china: search(text: "China", types: [REGION], first: 1) { ...E relations(predicates: ["cooperatesWith"]) { source { ...E } target { ...E } } }
		gi: statistics(metric: "geographical indication", document: "001_9a7392150486088c.txt") { ...S }
		products: statistics(metric: "products announced", document: "001_9a7392150486088c.txt") { ...S } }`},

	// 002: SIPO annual report 2017.
	"002/q1": {query: `{ c: search(text: "Inter-Ministerial Joint Conference on the Implementation of the National Intellectual Property Strategy", first: 3) { ...E
		evidence(first: 10) { sentence entities(types: [PERSON, AGENCY], first: 10) { ...E ... on Person { positions(first: 5) { ...E } } } } } }`},
	"002/q2": {query: `{ rules: search(text: "Operation Rules for the Inter-Ministerial Joint Conference", types: [LAW], first: 1) { ...E
		... on Law { issuedBy { ...E } } evidence { sentence entities { ...E } } } }`},
	"002/q3": {query: `{ scheme: search(text: "General Scheme for Experimental Reform on Integrated Intellectual Property Administration", first: 1) { ...E
		relations { source { ...E } target { ...E } } evidence { sentence entities(types: [REGION]) { ...E } } } }`},
	"002/q4": {query: `{ s: statistics(metric: "patent administrative enforcement", from: "2017", to: "2017") { ...S } }`},
	"002/q5": {query: `{ s: statistics(metric: "patent pledge financing", from: "2017", to: "2017") { ...S } }`},
	"002/q6": {query: `{ o: search(text: "Opinions on Supporting the Comprehensive Rejuvenation of the Old Industrial Bases in Northeast China", types: [LAW], first: 1) { ...E
		... on Law { issuedBy { ...E } } evidence { sentence entities(types: [AGENCY]) { ...E } } } }`},
	"002/q7": {query: `{ p: search(text: "grass-root IP campaign", first: 1) { ...E
		... on Program { regions { ...E } runBy { ...E } } evidence { sentence entities(types: [REGION]) { ...E } } } }`},
	"002/q8": {query: `{ sipo: search(text: "SIPO", types: [AGENCY], first: 1) { ...E
		... on Agency { partners { ...E } } relations(predicates: ["cooperatesWith"], first: 30) { target { ...E } evidence(first: 3) { sentence entities(types: [REGION, AGENCY], first: 20) { ...E } } } } }`},
	"002/q9": {query: `{ s: statistics(metric: "inspectors", document: "002_0573080493093d34.txt") { ...S }
		leads: statistics(metric: "leads", document: "002_0573080493093d34.txt") { ...S } }`},
	"002/q10": {query: `{ sipo: search(text: "SIPO", types: [AGENCY], first: 1) { ...E
		... on Agency { partners { ...E } } } }`},
	"002/q11": {query: `{ s: statistics(metric: "IP protection centers", document: "002_0573080493093d34.txt") { ...S } }`},
	"002/q12": {query: `{ s: statistics(metric: "cities", document: "002_0573080493093d34.txt") { ...S }
		p: search(text: "IP Powerhouse city", first: 3) { ...E evidence { sentence entities(types: [REGION]) { ...E } } } }`},
	"002/q13": {miss: "extraction: the model zones (Futian District, Zhengzhou) are named in the sentence after the figure and not linked to it",
		query: `{ s: statistics(metric: "agglomeration model zones") { ...S
		evidence { regions: entities(types: [REGION]) { ...E ... on Region { parent { ...E parent { ...E } } } } } } }`},
	"002/q14": {query: `{ award: search(text: "WIPO-SIPO Award", first: 1) { ...E statistics(mentioned: true) { ...S } }
		s: statistics(metric: "awards", document: "002_0573080493093d34.txt") { ...S } }`},
	"002/q15": {query: `{ sipo: search(text: "SIPO", types: [AGENCY], first: 1) { ...E
		... on Agency { issued { ...E } } }
		laws: search(text: "patent pledge financing", types: [LAW]) { ...E } }`},

	// 003: NIPA press conference on the 13th Five-Year Plan period, 2021.
	"003/q16": {query: `{ nipa: search(text: "NIPA", types: [AGENCY], first: 1) { ...E ... on Agency { officials { ...E } } } }`},
	"003/q17": {query: `{ yu: search(text: "Yu Cike", types: [PERSON], first: 1) { ...E
		... on Person { positions { ...E ... on Agency { parent { ...E } } } } } }`},
	"003/q18": {query: `{ s: statistics(metric: "invention patents", from: "2020", to: "2020") { ...S } }`},
	"003/q19": {query: `{ china: search(text: "China", types: [REGION], first: 1) { ...E
		statistics(metric: "Global Innovation Index", from: "2020", to: "2020") { ...S } }
		gii: search(text: "Global Innovation Index", first: 1) { ...E relations { source { ...E } target { ...E } } } }`},
	"003/q20": {query: `{ china: search(text: "China", types: [REGION], first: 1) { ...E
		statistics(metric: "pledge financing", from: "2020", to: "2020") { ...S } } }`},
	"003/q21": {query: `{ n: search(text: "Notice on Further Strengthening Intellectual Property Pledge Financing Work", types: [LAW], first: 1) { ...E
		... on Law { issuedBy { ...E } } } }`},
	"003/q22": {query: `{ nipa: search(text: "NIPA", types: [AGENCY], first: 1) { ...E
		relations(predicates: ["cooperatesWith"]) { source { ...E } target { ...E } evidence { sentence } } } }`},
	"003/q23": {query: `{ nipa: search(text: "NIPA", types: [AGENCY], first: 1) { ...E ... on Agency { partners { ...E } } }
		s: statistics(metric: "insurance products") { ...S } }`},
	"003/q24": {query: `{ c: search(text: "WIPO Arbitration and Mediation Center", first: 1) { ...E
		relations { source { ...E } target { ...E } } evidence { sentence entities(types: [REGION]) { ...E } } } }`},
	"003/q25": {query: `{ npc: search(text: "Standing Committee of the National People's Congress", types: [AGENCY], first: 1) { ...E
		relations(predicates: ["amends", "issued"]) { source { ...E } target { ...E } }
		evidence { sentence entities(types: [LAW]) { ...E } } } }`},
	"003/q26": {query: `{ spc: search(text: "Supreme People's Court", types: [AGENCY], first: 1) { ...E
		... on Agency { units { ...E } } relations { target { ...E } source { ...E } } evidence { sentence entities(types: [AGENCY]) { ...E } } } }`},
	"003/q27": {query: `{ nipa: search(text: "NIPA", types: [AGENCY], first: 1) { ...E ... on Agency { programs { ...E } } }
		malicious: statistics(metric: "malicious trademark") { ...S }
		blueSky: statistics(metric: "Blue Sky") { ...S } }`},
	"003/q28": {query: `{ s: statistics(metric: "patent-intensive industries", from: "2019", to: "2019") { ...S } }`},
	"003/q29": {query: `{ d: document(id: "003_835ca7036c13869d.txt") { laws: entities(type: LAW) { ...E } } }`},
	"003/q30": {query: `{ sn: search(text: "Sword Net", first: 1) { ...E statistics(mentioned: true) { ...S } }
		s: statistics(metric: "early warning", document: "003_835ca7036c13869d.txt") { ...S }
		lists: statistics(metric: "lists", document: "003_835ca7036c13869d.txt") { ...S } }`},

	// 004: SIPO circular G. Z. F. G. Z. [2015] No. 20.
	"004/q31": {query: `{ c: search(text: "Circular of the State Intellectual Property Office", types: [LAW], first: 1) { ...E
		... on Law { issuedBy { ...E } } } }`},
	"004/q32": {query: `{ o: search(text: "Several Opinions Deepening the Reform of the Institutional Mechanisms", types: [LAW], first: 1) { ...E
		... on Law { issuedBy { ...E } } } }`},
	"004/q33": {query: `{ sipo: search(text: "SIPO", types: [AGENCY], first: 1) { ...E
		... on Agency { issued(first: 30) { ...E relations(predicates: ["implements", "concerns"], first: 10) { target { ...E relations(predicates: ["implements", "concerns"], first: 10) { target { ...E } } } } } } }
		opinions: search(text: "Several Opinions Deepening the Reform", types: [LAW], first: 1) { ...E relations(predicates: ["concerns", "implements"]) { source { ...E } target { ...E } } } }`},
	"004/q34": {query: `{ sipo: search(text: "SIPO", types: [AGENCY], first: 1) { ...E ... on Agency { units { ...E } } } }`},
	"004/q35": {query: `{ d: document(id: "004_83ec853606a3133d.txt") { title entities { ...E } } }`},
	"004/q36": {query: `{ l: search(text: "Opinions Micro and Small Enterprises", types: [LAW], first: 3) { ...E } }`},
	"004/q37": {query: `{ d: document(id: "004_83ec853606a3133d.txt") { laws: entities(type: LAW) { ...E } } }`},
	"004/q38": {miss: "extraction: the \"three in one\" trial reform is not an entity",
		query: `{ d: document(id: "004_83ec853606a3133d.txt") { programs: entities(type: PROGRAM) { ...E } } }`},
	"004/q39": {miss: "extraction: the patent navigation pilot projects are not an entity",
		query: `{ p: search(text: "patent navigation", first: 5) { ...E } }`},
	"004/q40": {query: `{ d: document(id: "004_83ec853606a3133d.txt") { agencies: entities(type: AGENCY) { ...E } } }`},
	"004/q41": {query: `{ d: document(id: "004_83ec853606a3133d.txt") { agencies: entities(type: AGENCY) { ...E } } }`},
}

// goldQuestion is one entry of ../shared/gold/questions_*.json.
type goldQuestion struct {
	ID       string    `json:"id"`
	Doc      string    `json:"doc"`
	Question string    `json:"question"`
	Entities []string  `json:"answer_entities"`
	Values   []float64 `json:"answer_values"`
}

// goldNames maps a normalized name to every normalized name (canonical or
// alias) of the gold entities that carry it, across the gold documents.
type goldNames map[string][]string

// answer is what a response holds: the normalized names and aliases of
// every entity in it, and every statistic value.
type answer struct {
	names  map[string]bool
	values []float64
}

// competencyNorm normalizes a name as the gold scoring does: lower case,
// curly quotes straightened, only letters, digits and spaces kept, spaces
// collapsed, a leading "the " dropped.
func competencyNorm(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	return strings.TrimPrefix(out, "the ")
}

// collect walks a decoded response: an object with a string "name" is an
// entity (its "aliases" count too); a number under "value" is a statistic
// value.
func collect(v interface{}, a *answer) {
	switch x := v.(type) {
	case map[string]interface{}:
		if n, ok := x["name"].(string); ok {
			a.names[competencyNorm(n)] = true
			if al, ok := x["aliases"].([]interface{}); ok {
				for _, s := range al {
					if s, ok := s.(string); ok {
						a.names[competencyNorm(s)] = true
					}
				}
			}
		}
		if f, ok := x["value"].(float64); ok {
			a.values = append(a.values, f)
		}
		for _, c := range x {
			collect(c, a)
		}
	case []interface{}:
		for _, c := range x {
			collect(c, a)
		}
	}
}

// checkGold is the default check: every gold answer entity is in the
// result under one of its gold names, and every gold value is among the
// returned statistic values within 0.5%.
func checkGold(got answer, q goldQuestion, names goldNames) (bool, []string) {
	var missing []string
	for _, want := range q.Entities {
		key := competencyNorm(want)
		alts := append([]string{key}, names[key]...)
		found := false
		for _, n := range alts {
			if got.names[n] {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, want)
		}
	}
	for _, want := range q.Values {
		found := false
		for _, v := range got.values {
			if math.Abs(v-want) <= 0.005*math.Abs(want) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, strconv.FormatFloat(want, 'f', -1, 64))
		}
	}
	return len(missing) == 0, missing
}

// competencyTarget is the pass rate the issue asks for (64 of 71 pass
// today); the test asserts it.
const competencyTarget = 0.90

// TestCompetencyQuestions asks every gold question as a GraphQL query over
// the store loaded with ../shared/corpus through the real loaders, and
// checks the answers.
func TestCompetencyQuestions(t *testing.T) {
	shared := filepath.Join("..", "..", "shared")
	corpus := filepath.Join(shared, "corpus")
	if _, err := os.Stat(corpus); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpus missing: %v", err)
		}
		t.Skipf("corpus missing (%v): skipping the competency questions", err)
	}
	ctx := context.Background()
	srv := competencyServer(ctx, t, corpus)
	questions, names := readGold(t, filepath.Join(shared, "gold"))

	pass := 0
	for _, q := range questions {
		key := q.Doc[:3] + "/" + q.ID
		cq, ok := competencyQueries[key]
		if !ok {
			t.Errorf("%s: no query for %q", key, q.Question)
			continue
		}
		got, errs := askCompetency(t, srv, withFragments(cq.query))
		if errs != "" {
			t.Errorf("%s: query failed: %s", key, errs)
			continue
		}
		check := cq.check
		if check == nil {
			check = checkGold
		}
		ok, missing := check(got, q, names)
		switch {
		case ok:
			pass++
			t.Logf("PASS %s %s", key, q.Question)
		case cq.miss != "":
			t.Logf("FAIL %s %s — missing %q — known cause: %s", key, q.Question, missing, cq.miss)
		default:
			t.Logf("FAIL %s %s — missing %q", key, q.Question, missing)
		}
	}
	rate := float64(pass) / float64(len(questions))
	t.Logf("competency questions: %d of %d pass (%.1f%%)", pass, len(questions), 100*rate)
	// The target: at least 90% pass (integer arithmetic, so that 64
	// of 71 is exactly at the line, not under it by rounding).
	if pass*10 < len(questions)*9 {
		t.Errorf("%d of %d questions pass (%.1f%%), under the %.0f%% target", pass, len(questions), 100*rate, 100*competencyTarget)
	}
}

// competencyServer loads the corpus into a memory store through the real
// loaders and serves it.
func competencyServer(ctx context.Context, t *testing.T, corpus string) *httptest.Server {
	t.Helper()
	return serve(t, loaderstest.CorpusStore(t, corpus), schema.Options{})
}

// readGold reads the questions and the gold entities' names.
func readGold(t *testing.T, dir string) ([]goldQuestion, goldNames) {
	t.Helper()
	qfiles, err := filepath.Glob(filepath.Join(dir, "questions_*.json"))
	if err != nil || len(qfiles) == 0 {
		t.Fatalf("no questions in %s: %v", dir, err)
	}
	sort.Strings(qfiles)
	var questions []goldQuestion
	for _, f := range qfiles {
		var qs []goldQuestion
		readJSON(t, f, &qs)
		questions = append(questions, qs...)
	}
	names := goldNames{}
	docs, _ := filepath.Glob(filepath.Join(dir, "[0-9]*.json"))
	for _, f := range docs {
		var g struct {
			Entities []struct {
				Name    string   `json:"name"`
				Aliases []string `json:"aliases"`
			} `json:"entities"`
		}
		readJSON(t, f, &g)
		for _, e := range g.Entities {
			all := []string{competencyNorm(e.Name)}
			for _, a := range e.Aliases {
				all = append(all, competencyNorm(a))
			}
			for _, n := range all {
				names[n] = append(names[n], all...)
			}
		}
	}
	return questions, names
}

func readJSON(t *testing.T, path string, v interface{}) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// askCompetency posts query and returns what its data holds, or the
// error messages.
func askCompetency(t *testing.T, srv *httptest.Server, query string) (answer, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]interface{}{"query": query})
	resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Data   interface{} `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	if len(r.Errors) > 0 {
		msgs := make([]string, len(r.Errors))
		for i, e := range r.Errors {
			msgs[i] = e.Message
		}
		return answer{}, strings.Join(msgs, "; ")
	}
	a := answer{names: map[string]bool{}}
	collect(r.Data, &a)
	return a, ""
}
