package schema

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
)

// Default limits on a GraphQL document; Options override each of them.
const (
	// DefaultMaxDepth is how deeply selections on the data graph may nest:
	// { a { b } } is 2 deep. Fragments are followed.
	DefaultMaxDepth = 15
	// DefaultMaxIntrospectionDepth bounds the nesting of any selection,
	// introspection included: the introspection query of GraphiQL
	// (graphql-js getIntrospectionQuery, typeDepth 9) is 15 deep, and
	// clients may ask for deeper type references.
	DefaultMaxIntrospectionDepth = 30
	// DefaultMaxComplexity is the cost budget of one operation: every field
	// costs 1, and the cost of what a list selects is multiplied by the
	// list's first argument (its default when absent, at most MaxFirst) or
	// by UnpagedListCost for lists without paging.
	DefaultMaxComplexity = 200_000
	// DefaultMaxSelections caps the selections written in one selection
	// set: fields (aliases included) and fragment spreads, and the
	// selections of the inline fragments written in it.
	DefaultMaxSelections = 200
	// DefaultMaxFields caps the selections and directives written in a
	// whole document.
	DefaultMaxFields = 2_000
	// UnpagedListCost is the multiplier of a list field without a first
	// argument (aliases, evidence, introspection lists) in the complexity.
	UnpagedListCost = 10
	// maxLexicalNesting bounds bracket nesting before parsing, so the
	// recursive parser never sees an absurdly deep document.
	maxLexicalNesting = 100
	// MaxTokens bounds the tokens of a document (names, numbers, strings,
	// punctuation; a line of a block string counts as one), counted
	// before parsing: graphql-go parses about 100,000 a second.
	MaxTokens = 20_000
	// MaxDefinitions bounds the operations and fragments of a document,
	// MaxVariables the variables an operation defines and MaxArguments
	// the arguments of one field or directive and the fields of one
	// input object value. graphql-go's validation is quadratic or worse
	// in each (5,000 unused fragments take minutes), and it runs before
	// the request's timeout applies.
	MaxDefinitions = 100
	MaxVariables   = 100
	MaxArguments   = 50
	// MaxFieldPairs bounds the pairs of fields of one response name in
	// the selection sets of a document (fragments spread in a set
	// included), which validation compares two by two and reports each
	// conflicting pair of: 200 conflicting fields in one set make 19,900
	// errors.
	MaxFieldPairs = 2_000
	// costCap keeps complexity sums far from overflow.
	costCap = 1 << 40
)

// Error codes of documents over a limit (in extensions.code).
const (
	CodeTooDeep    = "QUERY_TOO_DEEP"
	CodeTooComplex = "QUERY_TOO_COMPLEX"
)

// limits are the effective limits of a handler.
type limits struct {
	maxDepth, maxIntrospectionDepth, maxSelections, maxFields int
	maxComplexity                                             int64
}

func limitError(code, msg string, limit, actual int64) gqlerrors.FormattedError {
	return gqlerrors.FormattedError{Message: msg, Extensions: map[string]interface{}{
		"code": code, "limit": limit, "actual": actual,
	}}
}

// checkNesting scans the query text, skipping strings and comments, and
// reports bracket nesting deeper than maxLexicalNesting or more than
// MaxTokens tokens, so that the parser never works on such a document.
func checkNesting(q string) *gqlerrors.FormattedError {
	depth, tokens := 0, 0
	word := false // inside a name or number
	for i := 0; i < len(q); i++ {
		c := q[i]
		if c == '_' || c == '-' || c == '+' || c == '.' && word || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			if !word {
				word = true
				tokens++
			}
			continue
		}
		word = false
		switch c {
		case ' ', '\t', '\n', '\r', ',':
			continue
		case '#':
			for i < len(q) && q[i] != '\n' && q[i] != '\r' {
				i++
			}
			continue
		case '"':
			if strings.HasPrefix(q[i:], `"""`) { // block string; \""" escapes
				i += 3
				for i < len(q) && !strings.HasPrefix(q[i:], `"""`) {
					if strings.HasPrefix(q[i:], `\"""`) {
						i += 3
					}
					if q[i] == '\n' {
						tokens++ // graphql-go dedents a block string line by line
					}
					i++
				}
				i += 2
			} else {
				for i++; i < len(q) && q[i] != '"' && q[i] != '\n'; i++ {
					if q[i] == '\\' {
						i++
					}
				}
			}
		case '{', '(', '[':
			depth++
			if depth > maxLexicalNesting {
				e := limitError(CodeTooDeep, fmt.Sprintf("the document nests brackets more than %d deep", maxLexicalNesting), maxLexicalNesting, int64(depth))
				return &e
			}
		case '}', ')', ']':
			depth--
		}
		tokens++
		if tokens > MaxTokens {
			e := limitError(CodeTooComplex, fmt.Sprintf("the document has more than %d tokens", MaxTokens), MaxTokens, int64(tokens))
			return &e
		}
	}
	if tokens > MaxTokens {
		e := limitError(CodeTooComplex, fmt.Sprintf("the document has more than %d tokens", MaxTokens), MaxTokens, int64(tokens))
		return &e
	}
	return nil
}

// checkDocument applies the limits that depend on the document alone:
// definitions, variables, arguments, selections per selection set and
// per document, fragment cycles, and depth. It returns nil when the
// document is within them.
func (l limits) checkDocument(doc *ast.Document) []gqlerrors.FormattedError {
	if n := len(doc.Definitions); n > MaxDefinitions {
		return []gqlerrors.FormattedError{limitError(CodeTooComplex,
			fmt.Sprintf("the document has %d definitions (operations and fragments); at most %d are allowed", n, MaxDefinitions),
			MaxDefinitions, int64(n))}
	}
	frags := map[string]*ast.FragmentDefinition{}
	var sets []*ast.SelectionSet
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.OperationDefinition:
			if n := len(d.VariableDefinitions); n > MaxVariables {
				return []gqlerrors.FormattedError{limitError(CodeTooComplex,
					fmt.Sprintf("an operation defines %d variables; at most %d are allowed", n, MaxVariables),
					MaxVariables, int64(n))}
			}
			sets = append(sets, d.SelectionSet)
		case *ast.FragmentDefinition:
			if d.Name != nil {
				frags[d.Name.Value] = d
			}
			sets = append(sets, d.SelectionSet)
		}
	}

	// Selections as written (no fragment expansion: complexity covers
	// that); the selections of an inline fragment count in the set it is
	// written in.
	total, widest, args := 0, 0, 0
	var value func(ast.Value)
	value = func(v ast.Value) {
		switch v := v.(type) {
		case *ast.ObjectValue:
			args = max(args, len(v.Fields))
			for _, f := range v.Fields {
				value(f.Value)
			}
		case *ast.ListValue:
			for _, x := range v.Values {
				value(x)
			}
		}
	}
	arguments := func(as []*ast.Argument) {
		args = max(args, len(as))
		for _, a := range as {
			value(a.Value)
		}
	}
	directives := func(ds []*ast.Directive) {
		total += len(ds)
		for _, d := range ds {
			arguments(d.Arguments)
		}
	}
	var count func(*ast.SelectionSet) int
	count = func(s *ast.SelectionSet) int {
		if s == nil {
			return 0
		}
		n := 0
		for _, sel := range s.Selections {
			switch sel := sel.(type) {
			case *ast.Field:
				n++
				arguments(sel.Arguments)
				directives(sel.Directives)
				widest = max(widest, count(sel.SelectionSet))
			case *ast.FragmentSpread:
				n++
				directives(sel.Directives)
			case *ast.InlineFragment:
				directives(sel.Directives)
				n += count(sel.SelectionSet)
			}
		}
		total += len(s.Selections)
		return n
	}
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.OperationDefinition:
			directives(d.Directives)
			for _, v := range d.VariableDefinitions {
				value(v.DefaultValue)
			}
			widest = max(widest, count(d.SelectionSet))
		case *ast.FragmentDefinition:
			directives(d.Directives)
			widest = max(widest, count(d.SelectionSet))
		}
	}
	if args > MaxArguments {
		return []gqlerrors.FormattedError{limitError(CodeTooComplex,
			fmt.Sprintf("a field, directive or input object has %d arguments or fields; at most %d are allowed", args, MaxArguments),
			MaxArguments, int64(args))}
	}
	if widest > l.maxSelections {
		return []gqlerrors.FormattedError{limitError(CodeTooComplex,
			fmt.Sprintf("a selection set has %d fields and fragments (aliases included); at most %d are allowed", widest, l.maxSelections),
			int64(l.maxSelections), int64(widest))}
	}
	if total > l.maxFields {
		return []gqlerrors.FormattedError{limitError(CodeTooComplex,
			fmt.Sprintf("the document has %d selections and directives; at most %d are allowed", total, l.maxFields),
			int64(l.maxFields), int64(total))}
	}

	// Fragment cycles and the depth of everything, then the depth of the
	// data graph alone, reported first (its limit is the smaller).
	all := depthWalker{frags: frags}
	deepestAll := 0
	for _, s := range sets {
		deepestAll = max(deepestAll, all.depth(s))
		if all.cycle != nil {
			return []gqlerrors.FormattedError{*all.cycle}
		}
	}
	data := depthWalker{frags: frags, skipIntrospection: true}
	deepest := 0
	for _, d := range doc.Definitions {
		if op, ok := d.(*ast.OperationDefinition); ok {
			deepest = max(deepest, data.depth(op.SelectionSet))
		}
	}
	if deepest > l.maxDepth {
		return []gqlerrors.FormattedError{limitError(CodeTooDeep,
			fmt.Sprintf("the query is %d levels deep; at most %d are allowed", deepest, l.maxDepth),
			int64(l.maxDepth), int64(deepest))}
	}
	if deepestAll > l.maxIntrospectionDepth {
		return []gqlerrors.FormattedError{limitError(CodeTooDeep,
			fmt.Sprintf("the query is %d levels deep; at most %d are allowed", deepestAll, l.maxIntrospectionDepth),
			int64(l.maxIntrospectionDepth), int64(deepestAll))}
	}
	if n := fieldPairs(sets, frags); n > MaxFieldPairs {
		return []gqlerrors.FormattedError{limitError(CodeTooComplex,
			fmt.Sprintf("fields of one response name repeat too often: %d pairs to compare (fragments included); at most %d are allowed", n, MaxFieldPairs),
			MaxFieldPairs, int64(n))}
	}
	return nil
}

// fieldPairs counts, in every selection set under sets, the pairs of
// fields with one response name, the fields of the fragments spread in
// the set (each once) included; it stops counting past MaxFieldPairs.
// The document has no fragment cycle.
func fieldPairs(sets []*ast.SelectionSet, frags map[string]*ast.FragmentDefinition) int {
	pairs := 0
	var names func(s *ast.SelectionSet, into map[string]int, spread map[string]bool)
	names = func(s *ast.SelectionSet, into map[string]int, spread map[string]bool) {
		if s == nil {
			return
		}
		for _, sel := range s.Selections {
			switch sel := sel.(type) {
			case *ast.Field:
				name := ""
				if sel.Alias != nil {
					name = sel.Alias.Value
				} else if sel.Name != nil {
					name = sel.Name.Value
				}
				into[name]++
			case *ast.InlineFragment:
				names(sel.SelectionSet, into, spread)
			case *ast.FragmentSpread:
				if sel.Name == nil || spread[sel.Name.Value] {
					continue
				}
				spread[sel.Name.Value] = true
				if f := frags[sel.Name.Value]; f != nil {
					names(f.SelectionSet, into, spread)
				}
			}
		}
	}
	var walk func(s *ast.SelectionSet)
	walk = func(s *ast.SelectionSet) {
		if s == nil || pairs > MaxFieldPairs {
			return
		}
		counts := map[string]int{}
		names(s, counts, map[string]bool{})
		for _, n := range counts {
			pairs += n * (n - 1) / 2
		}
		var fields func(*ast.SelectionSet) // the sets under s's fields, inline fragments' included
		fields = func(s *ast.SelectionSet) {
			for _, sel := range s.Selections {
				switch sel := sel.(type) {
				case *ast.Field:
					walk(sel.SelectionSet)
				case *ast.InlineFragment:
					if sel.SelectionSet != nil {
						fields(sel.SelectionSet)
					}
				}
			}
		}
		fields(s)
	}
	for _, s := range sets {
		walk(s)
	}
	return pairs
}

// depthWalker measures selection depth, following fragment spreads once
// each (memoized) and reporting the first fragment cycle.
type depthWalker struct {
	frags             map[string]*ast.FragmentDefinition
	skipIntrospection bool // do not count __schema and __type subtrees
	memo              map[string]int
	path              []string // fragments being expanded
	cycle             *gqlerrors.FormattedError
}

func isIntrospectionRoot(name string) bool { return name == "__schema" || name == "__type" }

func (w *depthWalker) depth(s *ast.SelectionSet) int {
	if s == nil || w.cycle != nil {
		return 0
	}
	d := 0
	for _, sel := range s.Selections {
		switch sel := sel.(type) {
		case *ast.Field:
			if w.skipIntrospection && sel.Name != nil && isIntrospectionRoot(sel.Name.Value) {
				continue
			}
			d = max(d, 1+w.depth(sel.SelectionSet))
		case *ast.InlineFragment:
			d = max(d, w.depth(sel.SelectionSet))
		case *ast.FragmentSpread:
			if sel.Name != nil {
				d = max(d, w.fragment(sel.Name.Value))
			}
		}
	}
	return d
}

func (w *depthWalker) fragment(name string) int {
	if d, ok := w.memo[name]; ok {
		return d
	}
	for i, p := range w.path {
		if p == name {
			via := w.path[i+1:]
			msg := fmt.Sprintf("Cannot spread fragment %q within itself.", name)
			if len(via) > 0 {
				msg = fmt.Sprintf("Cannot spread fragment %q within itself via %s.", name, quoteAll(via))
			}
			w.cycle = &gqlerrors.FormattedError{Message: msg, Extensions: map[string]interface{}{"code": "GRAPHQL_VALIDATION_FAILED"}}
			return 0
		}
	}
	f, ok := w.frags[name]
	if !ok {
		return 0 // unknown fragment: validation reports it
	}
	w.path = append(w.path, name)
	d := w.depth(f.SelectionSet)
	w.path = w.path[:len(w.path)-1]
	if w.memo == nil {
		w.memo = map[string]int{}
	}
	w.memo[name] = d
	return d
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// complexity returns the cost of operation op of doc with the request's
// variables (see DefaultMaxComplexity), saturating at costCap.
func complexity(s *graphql.Schema, doc *ast.Document, op *ast.OperationDefinition, vars map[string]interface{}) int64 {
	w := costWalker{schema: s, vars: vars, frags: map[string]*ast.FragmentDefinition{}, varDefaults: map[string]ast.Value{}, memo: map[string]int64{}, busy: map[string]bool{}}
	for _, d := range doc.Definitions {
		if f, ok := d.(*ast.FragmentDefinition); ok && f.Name != nil {
			w.frags[f.Name.Value] = f
		}
	}
	for _, vd := range op.VariableDefinitions {
		if vd.Variable != nil && vd.Variable.Name != nil && vd.DefaultValue != nil {
			w.varDefaults[vd.Variable.Name.Value] = vd.DefaultValue
		}
	}
	var root graphql.Type
	switch op.Operation {
	case ast.OperationTypeQuery:
		root = s.QueryType()
	case ast.OperationTypeMutation:
		if t := s.MutationType(); t != nil {
			root = t
		}
	case ast.OperationTypeSubscription:
		if t := s.SubscriptionType(); t != nil {
			root = t
		}
	}
	return w.cost(op.SelectionSet, root)
}

type costWalker struct {
	schema      *graphql.Schema
	vars        map[string]interface{}
	varDefaults map[string]ast.Value
	frags       map[string]*ast.FragmentDefinition
	memo        map[string]int64
	busy        map[string]bool
}

func add(a, b int64) int64 { return min(a+b, costCap) }

func (w *costWalker) cost(s *ast.SelectionSet, parent graphql.Type) int64 {
	if s == nil {
		return 0
	}
	var c int64
	for _, sel := range s.Selections {
		switch sel := sel.(type) {
		case *ast.Field:
			c = add(c, w.field(sel, parent))
		case *ast.InlineFragment:
			t := parent
			if sel.TypeCondition != nil && sel.TypeCondition.Name != nil {
				t = w.schema.Type(sel.TypeCondition.Name.Value)
			}
			c = add(c, w.cost(sel.SelectionSet, t))
		case *ast.FragmentSpread:
			if sel.Name == nil {
				continue
			}
			name := sel.Name.Value
			fc, ok := w.memo[name]
			if !ok {
				f := w.frags[name]
				if f == nil || w.busy[name] {
					continue // unknown or cyclic: rejected elsewhere
				}
				var t graphql.Type
				if f.TypeCondition != nil && f.TypeCondition.Name != nil {
					t = w.schema.Type(f.TypeCondition.Name.Value)
				}
				w.busy[name] = true
				fc = w.cost(f.SelectionSet, t)
				w.busy[name] = false
				w.memo[name] = fc
			}
			c = add(c, fc)
		}
	}
	return c
}

// field is the cost of one field and what it selects.
func (w *costWalker) field(f *ast.Field, parent graphql.Type) int64 {
	if f.Name == nil || f.SelectionSet == nil {
		return 1
	}
	var def *graphql.FieldDefinition
	switch f.Name.Value {
	case "__schema":
		def = &graphql.FieldDefinition{Type: graphql.NewNonNull(graphql.SchemaType)}
	case "__type":
		def = &graphql.FieldDefinition{Type: graphql.TypeType}
	default:
		var fields graphql.FieldDefinitionMap
		switch p := parent.(type) {
		case *graphql.Object:
			fields = p.Fields()
		case *graphql.Interface:
			fields = p.Fields()
		}
		def = fields[f.Name.Value]
	}
	if def == nil {
		return add(1, w.cost(f.SelectionSet, nil)) // validation reports it
	}
	mult := int64(1)
	if isList(def.Type) {
		mult = UnpagedListCost
		for _, a := range def.Args {
			if a.Name() == "first" {
				mult = w.first(f, a)
			}
		}
	}
	named, _ := graphql.GetNamed(def.Type).(graphql.Type)
	return add(1, min(mult*w.cost(f.SelectionSet, named), costCap))
}

func isList(t graphql.Type) bool {
	for {
		switch tt := t.(type) {
		case *graphql.NonNull:
			t = tt.OfType
		case *graphql.List:
			return true
		default:
			return false
		}
	}
}

// first is the page size the field will return at most.
func (w *costWalker) first(f *ast.Field, def *graphql.Argument) int64 {
	n := int64(DefaultFirst)
	if d, ok := def.DefaultValue.(int); ok {
		n = int64(d)
	}
	for _, a := range f.Arguments {
		if a.Name == nil || a.Name.Value != "first" {
			continue
		}
		v := a.Value
		if vr, ok := v.(*ast.Variable); ok && vr.Name != nil {
			if given, ok := w.vars[vr.Name.Value]; ok {
				n = number(given, n)
				break
			}
			v = w.varDefaults[vr.Name.Value]
		}
		if iv, ok := v.(*ast.IntValue); ok {
			if p, err := strconv.ParseInt(iv.Value, 10, 64); err == nil {
				n = p
			} else {
				n = math.MaxInt64
			}
		}
	}
	return min(max(n, 0), MaxFirst)
}

// number reads an integer variable as JSON decoding left it.
func number(v interface{}, otherwise int64) int64 {
	switch v := v.(type) {
	case float64:
		if v > math.MaxInt64/2 {
			return math.MaxInt64
		}
		return int64(v)
	case int:
		return int64(v)
	case int64:
		return v
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return n
		}
		return math.MaxInt64
	}
	return otherwise
}
