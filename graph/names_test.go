package graph

import "testing"

func TestNameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CNIPA", "cnipa"},
		{"The State Intellectual Property Office", "state intellectual property office"},
		{"state  intellectual-property office", "state intellectual property office"},
		{"Supreme People’s Court", "supreme peoples court"},
		{"António Campinos", "antonio campinos"},
		{"国家知识产权局", "国家知识产权局"},
		{"“Sword Net”", "sword net"},
		{"theory", "theory"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := NameKey(tc.in); got != tc.want {
			t.Errorf("NameKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
