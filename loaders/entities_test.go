package loaders

import (
	"testing"
)

func TestEntities(t *testing.T) {
	text := `Ministry news
Date: May 4, 2023
The Zhongshan Provincial Seed Administration (ZPSA) met officials of the Ministry of Commerce in Hangzhou.
Later the ZPSA issued the Measures for the Registration of Plant Breeders.
Liu Qingsong, director general of the Legal Affairs Department of the CNIPA, attended.
Mr. Liu said the Lanting Forest Protection Campaign would continue.
The State Intellectual Property Office was renamed the China National Intellectual Property Administration in 2018.`
	ext := extractText(t, nil, text)
	want := map[string]EntityType{
		"zhongshan_provincial_seed_administration": Agency,
		"mofcom":       Agency,
		"hangzhou":     Region,
		"cnipa":        Agency,
		"sipo":         Agency,
		"liu_qingsong": Person,
		"measures_for_the_registration_of_plant_breeders": Law,
		"lanting_forest_protection_campaign":              Program,
		"legal_affairs_department_of_cnipa":               Agency,
	}
	for id, typ := range want {
		e := findEntity(ext, id)
		if e == nil {
			t.Errorf("entity %s not found", id)
			continue
		}
		if e.Type != typ {
			t.Errorf("entity %s: type %s, want %s", id, e.Type, typ)
		}
	}
	// The acronym is an alias of the one entity, not a second entity.
	zp := findEntity(ext, "zhongshan_provincial_seed_administration")
	if zp != nil {
		found := false
		for _, a := range zp.Aliases {
			found = found || a == "ZPSA"
		}
		if !found || len(zp.Mentions) != 2 {
			t.Errorf("ZPSA: aliases %v, %d mentions", zp.Aliases, len(zp.Mentions))
		}
	}
	seen := map[string]bool{}
	for _, e := range ext.Entities {
		if seen[e.ID] {
			t.Errorf("duplicate entity id %s", e.ID)
		}
		seen[e.ID] = true
	}
	for _, r := range [][3]string{
		{"liu_qingsong", "memberOf", "legal_affairs_department_of_cnipa"},
		{"legal_affairs_department_of_cnipa", "partOf", "cnipa"},
		{"sipo", "succeededBy", "cnipa"},
		{"zhongshan_provincial_seed_administration", "issued", "measures_for_the_registration_of_plant_breeders"},
	} {
		if !hasRelation(ext, r[0], r[1], r[2]) {
			t.Errorf("relation %v not found in %+v", r, ext.Relations)
		}
	}
}

func TestSuccessionDirection(t *testing.T) {
	const older, newer = "zhongshan_seed_bureau", "zhongshan_provincial_seed_administration"
	tests := []string{
		"In 2019 the Zhongshan Provincial Seed Administration replaced the Zhongshan Seed Bureau.",
		"The Zhongshan Seed Bureau was replaced by the Zhongshan Provincial Seed Administration in 2019.",
		"The Zhongshan Seed Bureau was renamed the Zhongshan Provincial Seed Administration in 2019.",
		"The Zhongshan Provincial Seed Administration succeeded the Zhongshan Seed Bureau in 2019.",
	}
	for _, text := range tests {
		ext := extractText(t, nil, text)
		if !hasRelation(ext, older, "succeededBy", newer) || hasRelation(ext, newer, "succeededBy", older) {
			t.Errorf("%q: relations %+v, want only %s succeededBy %s", text, ext.Relations, older, newer)
		}
	}
}
