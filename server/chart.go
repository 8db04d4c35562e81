package server

import (
	"sort"
	"strconv"
	"time"

	"github.com/marsad/marsad/article"
)

// Chart geometry, in SVG user units.
const (
	chartWidth  = 600
	chartHeight = 120
	chartGap    = 1
	maxBars     = 120
)

// chart is a server-rendered bar chart of counts over time.
type chart struct {
	Width, Height int
	Bars          []bar
	First, Last   string // labels of the first and last bucket
	Max           int
	Unit          string // "day", "month" or "year"
}

// unitNames are the Arabic names of chart buckets.
var unitNames = map[string]string{"day": "يوم", "month": "شهر", "year": "سنة"}

// UnitName is the Arabic name of the chart's bucket.
func (c *chart) UnitName() string { return unitNames[c.Unit] }

// bar is one bucket of a chart.
type bar struct {
	X, Y, W, H float64
	Label      string // bucket, e.g. 2021-03-19, 2021-03 or 2021
	Count      int
	From, To   string // the dates the bucket covers
}

// newChart buckets day counts (YYYY-MM-DD → n) by day, month or year,
// whichever keeps at most maxBars bars, and lays out the bars with empty
// buckets kept so that time reads evenly. Keys that are not dates are
// ignored. It returns nil when there is nothing to draw.
func newChart(days map[string]int) *chart {
	type dayCount struct {
		t time.Time
		n int
	}
	var ds []dayCount
	for k, n := range days {
		t, err := time.Parse(article.DateLayout, k)
		if err != nil || n <= 0 {
			continue
		}
		ds = append(ds, dayCount{t, n})
	}
	if len(ds) == 0 {
		return nil
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].t.Before(ds[j].t) })
	first, last := ds[0].t, ds[len(ds)-1].t

	unit := "day"
	step := func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	trunc := func(t time.Time) time.Time { return t }
	label := func(t time.Time) string { return t.Format(article.DateLayout) }
	if last.Sub(first) > maxBars*24*time.Hour {
		unit = "month"
		step = func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
		trunc = func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
		label = func(t time.Time) string { return t.Format("2006-01") }
		if months := (last.Year()-first.Year())*12 + int(last.Month()-first.Month()); months >= maxBars {
			unit = "year"
			step = func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }
			trunc = func(t time.Time) time.Time { return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC) }
			label = func(t time.Time) string { return strconv.Itoa(t.Year()) }
		}
	}

	c := &chart{Width: chartWidth, Height: chartHeight, Unit: unit}
	counts := map[time.Time]int{}
	for _, d := range ds {
		counts[trunc(d.t)] += d.n
	}
	var buckets []time.Time
	for t := trunc(first); !t.After(last); t = step(t) {
		buckets = append(buckets, t)
	}
	for _, t := range buckets {
		c.Max = max(c.Max, counts[t])
	}
	w := float64(chartWidth) / float64(len(buckets))
	for i, t := range buckets {
		n := counts[t]
		h := float64(chartHeight) * float64(n) / float64(c.Max)
		if n > 0 && h < 2 {
			h = 2
		}
		end := step(t).AddDate(0, 0, -1)
		c.Bars = append(c.Bars, bar{
			X: float64(i) * w, Y: float64(chartHeight) - h, W: max(w-chartGap, 1), H: h,
			Label: label(t), Count: n,
			From: t.Format(article.DateLayout), To: end.Format(article.DateLayout),
		})
	}
	c.First = c.Bars[0].Label
	c.Last = c.Bars[len(c.Bars)-1].Label
	return c
}
