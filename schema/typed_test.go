package schema_test

import (
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/schema"
)

// typedServer serves testdata/fixtures/typed.json: the institutions
// around the CNIPA.
func typedServer(t testing.TB) *httptest.Server {
	t.Helper()
	return serve(t, loaderstest.Store(t, filepath.Join("..", "testdata", "fixtures", "typed.json")), schema.Options{})
}

func TestTypedFields(t *testing.T) {
	srv := typedServer(t)
	tests := []struct {
		name, query string
		want        string // JSON of data
	}{
		{"Agency.officials", `{ entity(id: "cnipa") { ... on Agency { officialsCount officials { name positions { id } } } } }`,
			`{"entity":{"officials":[{"name":"He Zhimin","positions":[{"id":"cnipa"}]},{"name":"Shen Changyu","positions":[{"id":"cnipa"},{"id":"cppa"}]}],"officialsCount":2}}`},
		{"Agency.officials paged", `{ entity(id: "cnipa") { ... on Agency { officialsCount officials(first: 1, offset: 1) { id } } } }`,
			`{"entity":{"officials":[{"id":"shen_changyu"}],"officialsCount":2}}`},
		{"Agency.programs and Program.runBy", `{ entity(id: "cnipa") { ... on Agency { programsCount programs { id runBy { id } regions { id } } } } }`,
			`{"entity":{"programs":[{"id":"ip_pilot_zone","regions":[{"id":"jiangsu"}],"runBy":[{"id":"cnipa"}]},{"id":"patent_open_licensing_pilot","regions":[{"id":"china"}],"runBy":[{"id":"cnipa"}]}],"programsCount":2}}`},
		{"Agency.issued", `{ entity(name: "NPCSC") { ... on Agency { issuedCount issued { name } } } }`,
			`{"entity":{"issued":[{"name":"Decision on Amending the Patent Law"},{"name":"Patent Law of the People's Republic of China"}],"issuedCount":2}}`},
		{"Agency.successors", `{ entity(id: "sipo") { ... on Agency { successors { id } successorsCount predecessorsCount } } }`,
			`{"entity":{"predecessorsCount":0,"successors":[{"id":"cnipa"}],"successorsCount":1}}`},
		{"Agency.predecessors", `{ entity(id: "samr") { ... on Agency { predecessors { id } parent { id } units { id } } } }`,
			`{"entity":{"parent":null,"predecessors":[{"id":"saic"}],"units":[{"id":"cnipa"}]}}`},
		{"Agency.parent and units", `{ entity(id: "cnipa") { ... on Agency { parent { id name } units { id } unitsCount partners { id } } } }`,
			`{"entity":{"parent":{"id":"samr","name":"State Administration for Market Regulation"},"partners":[{"id":"inpi"}],"units":[{"id":"patent_office"},{"id":"trademark_office"}],"unitsCount":2}}`},
		{"Region.programs", `{ entity(id: "jiangsu") { ... on Region { programs { name } programsCount } } }`,
			`{"entity":{"programs":[{"name":"Intellectual Property Pilot Zone"}],"programsCount":1}}`},
		{"Person.positions", `{ entity(name: "Shen Changyu") { ... on Person { positions { type name } positionsCount } } }`,
			`{"entity":{"positions":[{"name":"China National Intellectual Property Administration","type":"AGENCY"},{"name":"China Patent Protection Association","type":"ORGANIZATION"}],"positionsCount":2}}`},
		{"Law.issuedBy, amends, amendedBy", `{ entity(id: "patent_law") { ... on Law { issuedBy { id } amends { id } amendedBy { id issuedBy { id } amends { id } } } } }`,
			`{"entity":{"amendedBy":[{"amends":[{"id":"patent_law"}],"id":"patent_law_amendment","issuedBy":[{"id":"npcsc"}]}],"amends":[],"issuedBy":[{"id":"npcsc"}]}}`},
		{"Organization.members", `{ entity(id: "cppa") { ... on Organization { members { id } membersCount } } }`,
			`{"entity":{"members":[{"id":"shen_changyu"}],"membersCount":1}}`},
		{"typed fields through search", `{ search(text: "国家知识产权局") { id ... on Agency { officialsCount } } }`,
			`{"search":[{"id":"cnipa","officialsCount":2}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := wantData(t, srv, tc.query, tc.want)
			if r.Extensions != nil {
				t.Errorf("extensions = %v, want none", r.Extensions)
			}
		})
	}
}

func TestTypedFieldTruncation(t *testing.T) {
	srv := typedServer(t)
	r := post(t, srv, `{ entity(id: "cnipa") { ... on Agency { officials(first: 1) { id } officialsCount } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	tr, _ := r.Extensions["truncated"].([]interface{})
	if len(tr) != 1 {
		t.Fatalf("extensions = %v, want officials truncated", r.Extensions)
	}
	item := tr[0].(map[string]interface{})
	path, _ := json.Marshal(item["path"])
	if string(path) != `["entity","officials"]` || item["total"].(float64) != 2 {
		t.Errorf("truncated = %v", item)
	}
}

func TestSearchMetricsAndCounts(t *testing.T) {
	srv := typedServer(t)
	tests := []struct {
		name, query string
		want        string
	}{
		{"Chinese alias", `{ search(text: "国家知识产权局") { id } }`, `{"search":[{"id":"cnipa"}]}`},
		{"prefix words", `{ search(text: "intellect prop", types: [AGENCY]) { id } searchCount(text: "intellect prop", types: [AGENCY]) }`,
			`{"search":[{"id":"sipo"},{"id":"cnipa"}],"searchCount":2}`},
		{"accents", `{ search(text: "PROPRIETE industrielle") { name } }`, `{"search":[{"name":"Institut National de la Propriété Industrielle"}]}`},
		{"metrics", `{ metricCount metrics { metric count units firstPeriod lastPeriod } }`,
			`{"metricCount":3,"metrics":[{"count":3,"firstPeriod":"2016/2020","lastPeriod":"2022","metric":"invention patents granted","units":["patents"]},{"count":1,"firstPeriod":"2023-H1","lastPeriod":"2023-H1","metric":"patent open-licensing contracts","units":["contracts"]},{"count":1,"firstPeriod":"2022","lastPeriod":"2022","metric":"trademark registrations","units":["registrations"]}]}`},
		{"metrics by words, with the series", `{ metrics(text: "granted patents", first: 5) { metric statistics(from: "2021") { period value } } }`,
			`{"metrics":[{"metric":"invention patents granted","statistics":[{"period":"2021","value":695900},{"period":"2022","value":798000}]}]}`},
		{"statistics over ranges", `{ statistics(metric: "invention patents", from: "2016/2017", to: "2021") { period } statisticCount(metric: "invention patents", from: "2016/2017", to: "2021") }`,
			`{"statisticCount":2,"statistics":[{"period":"2016/2020"},{"period":"2021"}]}`},
		{"entity and document counts", `{ entityCount entityCount2: entityCount(type: LAW) documentCount document(id: "typed.txt") { title entityCount(type: PERSON) } }`,
			`{"document":{"entityCount":2,"title":"Institutions of IP policy"},"documentCount":1,"entityCount":18,"entityCount2":3}`},
		{"missing document", `{ document(id: "nope.txt") { id } }`, `{"document":null}`},
		{"documentCount and evidenceCount", `{ entity(id: "sipo") { documentCount relations { evidenceCount } } }`,
			`{"entity":{"documentCount":1,"relations":[{"evidenceCount":1}]}}`},
		{"stats", `{ stats { documents statistics relations { name count } } }`,
			`{"stats":{"documents":1,"relations":[{"count":1,"name":"succeededBy"},{"count":1,"name":"mergedInto"},{"count":3,"name":"partOf"},{"count":3,"name":"issued"},{"count":0,"name":"implements"},{"count":1,"name":"amends"},{"count":2,"name":"runs"},{"count":1,"name":"cooperatesWith"},{"count":1,"name":"locatedIn"},{"count":3,"name":"memberOf"},{"count":1,"name":"concerns"}],"statistics":5}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantData(t, srv, tc.query, tc.want)
		})
	}
}

func TestStatisticsBadPeriod(t *testing.T) {
	srv := typedServer(t)
	r := post(t, srv, `{ metrics { statistics(from: "soon") { id } } }`, nil)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("errors = %+v, want BAD_USER_INPUT", r.Errors)
	}
}
