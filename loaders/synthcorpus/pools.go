package synthcorpus

import (
	"fmt"
	"strings"

	"github.com/ipgraph/ipgraph/loaders"
)

// body is an agency or organization from the gazetteer: its canonical name
// and, when the gazetteer gives one, an acronym to put in apposition.
type body struct {
	id, name, acronym string
	kind              string
}

// named is a law, program or region from the gazetteer.
type named struct {
	id, name, kind string
	parent         string // for a city: the name of its province
}

// link is a succession recorded in the gazetteer between two bodies.
type link struct {
	old, new body
	merged   bool // mergedInto rather than succeededBy
}

// pools are the names a Generator draws from, by role.
type pools struct {
	core      []body // domestic bodies that speak about IP
	domestic  []body // every domestic agency that exists today
	foreign   []body // international organizations and foreign IP offices
	ministry  []body // ministries and commissions, co-issuers of circulars
	courts    []body
	laws      []named // statutes and regulations
	policies  []named // policy documents and guidelines
	treaties  []named
	plans     []named // programs that are carried out (strategies, campaigns, plans, projects)
	events    []named // programs that take place somewhere (forums, fairs, expos, conferences)
	provinces []named
	cities    []named
	countries []named
	companies []named
	univs     []named
	media     []named
	assocs    []named
	links     []link // mergers and renamings
	renamed   []link // renamings only
	byID      map[string]body

	surnames []string
	given    []string // given-name syllables, lower case
}

// coreIDs are the gazetteer ids of the bodies that hold IP press
// conferences, publish annual reports and issue circulars.
var coreIDs = []string{"cnipa", "samr", "ncac", "most", "mofcom", "gac", "spc", "spp", "mps", "ndrc", "miit",
	"moe", "mof", "scio", "moara", "mct", "nfga", "cac", "ccpit", "nbs", "pboc", "csrc"}

// before2018 maps a body created in the 2018 reorganization to the one that
// spoke for it before: documents dated before 2018 name the old body.
var before2018 = map[string]string{"cnipa": "sipo", "samr": "saic", "moara": "moa", "mct": "moc"}

// era returns the body that stood for b in year.
func (p *pools) era(b body, year int) body {
	if year < 2018 {
		if old, ok := p.byID[before2018[b.id]]; ok {
			return old
		}
	}
	return b
}

func newPools(entries []loaders.GazetteerEntry) (*pools, error) {
	p := &pools{byID: map[string]body{}}
	words := map[string]bool{} // one-word names and aliases: not usable in a person's name
	for _, e := range entries {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if !strings.Contains(n, " ") {
				words[strings.ToLower(n)] = true
			}
		}
		intl := strings.Contains(e.Source, "international")
		switch e.Type {
		case loaders.Agency:
			b := body{id: e.ID, name: e.Name, acronym: acronymOf(e), kind: e.Kind}
			p.byID[e.ID] = b
			switch {
			case intl:
				p.foreign = append(p.foreign, b)
			case e.SucceededBy != "" || e.MergedInto != "":
				// A body that no longer exists speaks only in the
				// sentences about its reorganization.
			default:
				p.domestic = append(p.domestic, b)
				if e.Kind == "ministry" || e.Kind == "commission" || e.Kind == "administration" {
					p.ministry = append(p.ministry, b)
				}
				if e.Kind == "court" {
					p.courts = append(p.courts, b)
				}
			}
		case loaders.Law:
			n := named{id: e.ID, name: e.Name, kind: e.Kind}
			switch e.Kind {
			case "treaty":
				p.treaties = append(p.treaties, n)
			case "statute", "regulation":
				p.laws = append(p.laws, n)
			default:
				p.policies = append(p.policies, n)
			}
		case loaders.Program:
			n := named{id: e.ID, name: e.Name, kind: e.Kind}
			switch e.Kind {
			case "forum", "fair", "expo", "conference":
				p.events = append(p.events, n)
			case "strategy", "campaign", "program", "initiative", "national plan", "project", "talent program", "cooperation program", "fund":
				p.plans = append(p.plans, n)
			}
		case loaders.Region:
			n := named{id: e.ID, name: e.Name, kind: e.Kind}
			switch e.Kind {
			case "province", "autonomous region", "municipality":
				p.provinces = append(p.provinces, n)
			case "city":
				// Chinese cities, with their province: second pass below.
			case "country":
				if e.ID != "china" {
					p.countries = append(p.countries, n)
				}
			}
		case loaders.Organization:
			n := named{id: e.ID, name: e.Name, kind: e.Kind}
			switch e.Kind {
			case "company":
				p.companies = append(p.companies, n)
			case "university":
				p.univs = append(p.univs, n)
			case "media":
				p.media = append(p.media, n)
			case "association", "academy", "institute":
				p.assocs = append(p.assocs, n)
			}
		}
	}
	for _, e := range entries {
		if e.Type == loaders.Region && e.Kind == "city" {
			for _, pr := range p.provinces {
				if pr.id == e.Parent {
					p.cities = append(p.cities, named{id: e.ID, name: e.Name, kind: e.Kind, parent: pr.name})
				}
			}
		}
	}
	for _, id := range coreIDs {
		if b, ok := p.byID[id]; ok {
			p.core = append(p.core, b)
		}
	}
	for _, e := range entries {
		if e.Type != loaders.Agency {
			continue
		}
		old, ok := p.byID[e.ID]
		if !ok {
			continue
		}
		if n, ok := p.byID[e.SucceededBy]; ok {
			p.links = append(p.links, link{old: old, new: n})
			p.renamed = append(p.renamed, link{old: old, new: n})
		}
		if n, ok := p.byID[e.MergedInto]; ok {
			p.links = append(p.links, link{old: old, new: n, merged: true})
		}
	}
	for _, l := range []struct {
		what string
		n    int
	}{{"core agencies", len(p.core)}, {"domestic agencies", len(p.domestic)}, {"ministries", len(p.ministry)},
		{"foreign agencies", len(p.foreign)}, {"laws", len(p.laws)}, {"policy documents", len(p.policies)},
		{"treaties", len(p.treaties)}, {"plans", len(p.plans)}, {"events", len(p.events)},
		{"provinces", len(p.provinces)}, {"cities", len(p.cities)}, {"countries", len(p.countries)},
		{"companies", len(p.companies)}, {"universities", len(p.univs)}, {"media", len(p.media)},
		{"associations", len(p.assocs)}, {"courts", len(p.courts)},
		{"mergers", len(p.links)}, {"renamings", len(p.renamed)}} {
		if l.n == 0 {
			return nil, fmt.Errorf("synthcorpus: the gazetteers name no %s", l.what)
		}
	}
	for _, s := range surnameList {
		if !words[strings.ToLower(s)] {
			p.surnames = append(p.surnames, s)
		}
	}
	for _, s := range syllableList {
		if !words[s] {
			p.given = append(p.given, s)
		}
	}
	return p, nil
}

// acronymOf returns the first alias of e written as an acronym (one word
// of ASCII letters with two or more capitals: CNIPA, MoST), or "".
func acronymOf(e loaders.GazetteerEntry) string {
	for _, a := range e.Aliases {
		upper, ok := 0, len(a) >= 2
		for _, r := range a {
			switch {
			case r >= 'A' && r <= 'Z':
				upper++
			case r >= 'a' && r <= 'z':
			default:
				ok = false
			}
		}
		if ok && upper >= 2 {
			return a
		}
	}
	return ""
}

// Chinese surnames and given-name syllables in pinyin, for person names.
// Surnames spelled like English words (He, Hu, Ma, Yu, An) are left out so
// that every generated name reads as a name.
var surnameList = strings.Fields(`Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Zhu Gao Lin Guo Luo Liang Song Zheng Xie Han Tang
Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Lu Wei Ding Shen Ren Yao Fu Zhong Cui Tan Liao Fan Wan Qian Qin Kong Bai
Xiong Meng Qiu Hou Shi Duan Lei Hao Gong Shao Wen Xing Mao Hong Jin Dai Gu Kang Yan Mo Qi Chang Ou Niu Ye Yin Rao Sheng Zou`)

var syllableList = strings.Fields(`an bin bo chang chao chen cheng chun dan dong fang fei feng gang guang hai han hao hong hua huan hui jia
jian jie jin jing jun kai lan lei li liang lin ling long lu mei min ming na nan ning peng ping qi qian qiang qing rong rui shan
sheng shu song tao ting wei wen xia xiang xiao xin xing xiu xu ya yan yang yi ying yong yu yuan yue yun ze zhen zheng zhi zhong zhu`)
