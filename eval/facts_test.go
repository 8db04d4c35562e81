package eval

import (
	"strings"
	"testing"
)

func TestFacts(t *testing.T) {
	gold := `{"doc":"a","published":"2021-03-19","times":[{"text":"أمس","value":"2021-03-18"},{"text":"2020","value":"2020"}],"entities":[{"text":"دميتري بيسكوف","type":"PER"},{"text":"الكونغرس","type":"ORG"}],"quotes":[{"speaker":"دميتري بيسكوف","cue":"روسيا تستخدم القنوات"}]}
{"doc":"b","published":null,"times":[{"text":"اليوم","value":"2024-11-06"}]}
`
	pred := `{"id":"a","times":[{"value":"2021-03-18"},{"value":"2021-03-17"},{"value":"FUTURE_REF"}],"entities":[{"text":"دميترى بيسكوف","type":"PER"},{"text":"للكونغرس","type":"ORG"},{"text":"موسكو","type":"LOC"}],"quotes":[{"speaker":"بيسكوف","text":"إن رُوسيا تستخدم القنوات الدبلوماسية"},{"speaker":"بوتين","text":"روسيا تستخدم القنوات"}]}
`
	g, err := ReadGold(strings.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ReadPred(strings.NewReader(pred))
	if err != nil {
		t.Fatal(err)
	}
	s := Facts(g, p)
	want := map[string][3]int{ // correct, predicted, gold
		"times":    {1, 2, 3}, // vague references are not scored; doc b predicted nothing
		"entities": {2, 3, 2}, // ى/ي and the clitic of للكونغرس are folded
		"quotes":   {1, 2, 1}, // the second quote has the wrong speaker
	}
	for kind, w := range want {
		got := s[kind]
		if got.Correct != w[0] || got.Predicted != w[1] || got.Gold != w[2] {
			t.Errorf("%s: got correct %d predicted %d gold %d, want %v", kind, got.Correct, got.Predicted, got.Gold, w)
		}
	}
	if q := s["quotes"]; q.P != 0.5 || q.R != 1 {
		t.Errorf("quotes P=%v R=%v, want 0.5 and 1", q.P, q.R)
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := ReadGold(strings.NewReader("{\"doc\":\"a\"}\nnot json\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("ReadGold on a bad line: err = %v, want one naming line 2", err)
	}
	if _, err := ReadPred(strings.NewReader("{")); err == nil {
		t.Error("ReadPred on truncated JSON: no error")
	}
}
