package index

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// A segment is an immutable part of an Inverted index: the documents of one
// or more batches, numbered from 0, and for each field a sorted dictionary
// of terms with their postings. It is one byte slice, the same in memory
// (a batch not yet persisted) and on disk (a segment file, memory-mapped):
//
//	documents: IDs (offsets, bytes), published (int64 Unix seconds,
//	           noDate when unknown), title and text lengths (uint32 terms)
//	per field: postings, then the dictionary (offsets, entries)
//	table of contents: section offsets, field length sums
//	trailer: the table's offset, the number of documents, segMagic
//
// A dictionary entry is uvarint(len(term)), term, uvarint(df),
// uvarint(offset of its postings in the field's postings). Postings are
// the df document numbers (uvarint deltas); for the scored fields
// (fieldScored) the df frequencies; and for the positional fields
// (fieldPositional) each document's positions (uvarint deltas from 0).
//
// Integers are little-endian.

// Fields of an Inverted index.
const (
	fText = iota
	fTitle
	fPair
	fSource
	fEntity
	fName
	fVariant
	fNameSpell
	nFields
)

// fieldNames are the names of the fields, as in the package's Field constants.
var fieldNames = [nFields]string{FieldText, FieldTitle, FieldPair, FieldSource, FieldEntity, FieldName, FieldVariant, FieldNameSpelling}

// fieldPositional reports whether field f keeps positions (and frequencies).
func fieldPositional(f int) bool { return f == fText || f == fTitle }

// noDate is the published time of a document without one.
const noDate = math.MinInt64

var segMagic = [8]byte{'M', 'R', 'S', 'D', 'S', 'G', '0', '1'}

// trailerSize is the size of the trailer: the table's offset, the number
// of documents and segMagic.
const trailerSize = 8 + 8 + 8

// Section numbers in the table of contents.
const (
	secIDOffsets = iota
	secIDs
	secPublished
	secTitleLen
	secTextLen
	secFields // then per field: postings, dictionary offsets, dictionary
)

const nSections = secFields + 3*nFields

// errSegment is wrapped by the errors of a corrupt segment.
var errSegment = errors.New("corrupt index segment")

// segWriter writes a segment to w: first the documents (docs), then each
// field in order (term, for the terms in ascending order), then finish.
type segWriter struct {
	w     *bufio.Writer
	off   uint64
	secs  [nSections][2]uint64 // offset, length
	sums  [nFields]uint64      // sum of the field lengths (fText, fTitle)
	n     uint32               // documents
	field int                  // the field being written, -1 before the first
	start uint64               // offset of the field's postings
	dict  []byte               // the field's dictionary entries
	offs  []byte               // the field's dictionary offsets (uint32)
	last  string               // the last term written
	buf   []byte
	err   error // a section too big for its 32-bit offsets
}

// errTooBig is the error of a segment whose IDs or dictionary would pass
// 4 GiB.
var errTooBig = errors.New("index segment too big (4 GiB of IDs or of one field's dictionary)")

func newSegWriter(w io.Writer) *segWriter {
	sw := new(segWriter)
	sw.reset(w)
	return sw
}

// reset makes sw write a new segment to w, keeping its buffers.
func (sw *segWriter) reset(w io.Writer) {
	bw := sw.w
	if bw == nil {
		bw = bufio.NewWriterSize(w, 1<<16)
	} else {
		bw.Reset(w)
	}
	*sw = segWriter{w: bw, field: -1, dict: sw.dict[:0], offs: sw.offs[:0], buf: sw.buf[:0]}
}

func (sw *segWriter) write(p []byte) {
	sw.w.Write(p) // bufio keeps the first error for Flush
	sw.off += uint64(len(p))
}

// section writes p as section s.
func (sw *segWriter) section(s int, p []byte) {
	sw.secs[s] = [2]uint64{sw.off, uint64(len(p))}
	sw.write(p)
}

// docs writes the documents: their IDs, published times and field lengths.
func (sw *segWriter) docs(ids []string, published []int64, titleLen, textLen []uint32) {
	sw.n = uint32(len(ids))
	b := sw.buf[:0]
	var o uint32
	var total uint64
	for _, id := range ids {
		b = binary.LittleEndian.AppendUint32(b, o)
		o += uint32(len(id))
		total += uint64(len(id))
	}
	if total > math.MaxUint32 {
		sw.err = errTooBig
	}
	b = binary.LittleEndian.AppendUint32(b, o)
	sw.section(secIDOffsets, b)
	b = b[:0]
	for _, id := range ids {
		b = append(b, id...)
	}
	sw.section(secIDs, b)
	b = b[:0]
	for _, p := range published {
		b = binary.LittleEndian.AppendUint64(b, uint64(p))
	}
	sw.section(secPublished, b)
	for i, ls := range [2][]uint32{titleLen, textLen} {
		b = b[:0]
		var sum uint64
		for _, l := range ls {
			b = binary.LittleEndian.AppendUint32(b, l)
			sum += uint64(l)
		}
		sw.section(secTitleLen+i, b)
		sw.sums[[2]int{fTitle, fText}[i]] = sum
	}
	sw.buf = b
}

// next ends the field being written and starts field f.
func (sw *segWriter) next(f int) {
	for sw.field < f {
		if sw.field >= 0 {
			s := secFields + 3*sw.field
			sw.secs[s] = [2]uint64{sw.start, sw.off - sw.start}
			sw.section(s+1, sw.offs)
			sw.section(s+2, sw.dict)
		}
		sw.field++
		sw.start, sw.dict, sw.offs, sw.last = sw.off, sw.dict[:0], sw.offs[:0], ""
	}
}

// term writes the postings of term in field f: the documents docs, in
// ascending order; for a scored field their frequencies freqs; for a
// positional field the positions pos of each document in turn (freqs[i]
// of them for docs[i], ascending).
func (sw *segWriter) term(f int, term string, docs, freqs, pos []uint32) {
	sw.next(f)
	if len(sw.dict) > math.MaxUint32 {
		sw.err = errTooBig
	}
	sw.offs = binary.LittleEndian.AppendUint32(sw.offs, uint32(len(sw.dict)))
	sw.dict = binary.AppendUvarint(sw.dict, uint64(len(term)))
	sw.dict = append(sw.dict, term...)
	sw.dict = binary.AppendUvarint(sw.dict, uint64(len(docs)))
	sw.dict = binary.AppendUvarint(sw.dict, sw.off-sw.start)
	sw.last = term
	b := sw.buf[:0]
	var prev uint32
	for _, d := range docs {
		b = binary.AppendUvarint(b, uint64(d-prev))
		prev = d
	}
	if fieldPositional(f) {
		for _, fr := range freqs {
			b = binary.AppendUvarint(b, uint64(fr))
		}
		k := 0
		for _, fr := range freqs {
			var p0 uint32
			for _, p := range pos[k : k+int(fr)] {
				b = binary.AppendUvarint(b, uint64(p-p0))
				p0 = p
			}
			k += int(fr)
		}
	}
	sw.write(b)
	sw.buf = b
}

// finish writes the remaining fields, the table of contents and the
// trailer, and flushes.
func (sw *segWriter) finish() error {
	if sw.err != nil {
		return sw.err
	}
	sw.next(nFields)
	toc := sw.off
	b := sw.buf[:0]
	for _, s := range sw.secs {
		b = binary.LittleEndian.AppendUint64(b, s[0])
		b = binary.LittleEndian.AppendUint64(b, s[1])
	}
	for _, s := range sw.sums {
		b = binary.LittleEndian.AppendUint64(b, s)
	}
	b = binary.LittleEndian.AppendUint64(b, toc)
	b = binary.LittleEndian.AppendUint64(b, uint64(sw.n))
	b = append(b, segMagic[:]...)
	sw.write(b)
	return sw.w.Flush()
}

// segment reads a segment's bytes.
type segment struct {
	data   []byte
	n      int
	idOffs []byte
	ids    []byte
	pub    []byte
	lens   [2][]byte // title, text
	sums   [nFields]uint64
	fields [nFields]segField
	// name is the file name of a persisted segment, "" for one in memory.
	name string
}

type segField struct {
	post, offs, dict []byte
	terms            int
}

// openSegment reads the table of contents of the segment in data.
func openSegment(data []byte) (*segment, error) {
	if len(data) < trailerSize || !bytes.Equal(data[len(data)-8:], segMagic[:]) {
		return nil, fmt.Errorf("%w: no trailer", errSegment)
	}
	t := data[len(data)-trailerSize:]
	toc := binary.LittleEndian.Uint64(t)
	n := binary.LittleEndian.Uint64(t[8:])
	tocLen := uint64(nSections*16 + nFields*8)
	if toc > uint64(len(data)-trailerSize) || uint64(len(data)-trailerSize)-toc != tocLen || n > math.MaxInt32 {
		return nil, fmt.Errorf("%w: bad table of contents", errSegment)
	}
	s := &segment{data: data, n: int(n)}
	var secs [nSections][]byte
	for i := range secs {
		off := binary.LittleEndian.Uint64(data[toc+uint64(i)*16:])
		l := binary.LittleEndian.Uint64(data[toc+uint64(i)*16+8:])
		if off > toc || l > toc-off {
			return nil, fmt.Errorf("%w: section %d out of bounds", errSegment, i)
		}
		secs[i] = data[off : off+l : off+l]
	}
	for f := range s.sums {
		s.sums[f] = binary.LittleEndian.Uint64(data[toc+nSections*16+uint64(f)*8:])
	}
	s.idOffs, s.ids, s.pub = secs[secIDOffsets], secs[secIDs], secs[secPublished]
	s.lens = [2][]byte{secs[secTitleLen], secs[secTextLen]}
	if len(s.idOffs) != 4*(s.n+1) || len(s.pub) != 8*s.n || len(s.lens[0]) != 4*s.n || len(s.lens[1]) != 4*s.n ||
		binary.LittleEndian.Uint32(s.idOffs[4*s.n:]) != uint32(len(s.ids)) {
		return nil, fmt.Errorf("%w: bad document sections", errSegment)
	}
	for f := range s.fields {
		sf := &s.fields[f]
		sf.post, sf.offs, sf.dict = secs[secFields+3*f], secs[secFields+3*f+1], secs[secFields+3*f+2]
		if len(sf.offs)%4 != 0 {
			return nil, fmt.Errorf("%w: bad dictionary of %s", errSegment, fieldNames[f])
		}
		sf.terms = len(sf.offs) / 4
	}
	return s, nil
}

// id returns the ID of document d.
func (s *segment) id(d uint32) string {
	a := binary.LittleEndian.Uint32(s.idOffs[4*d:])
	b := binary.LittleEndian.Uint32(s.idOffs[4*d+4:])
	if a > b || int(b) > len(s.ids) {
		return ""
	}
	return string(s.ids[a:b])
}

// published returns the published time of document d (noDate if none).
func (s *segment) published(d uint32) int64 {
	return int64(binary.LittleEndian.Uint64(s.pub[8*d:]))
}

// fieldLen returns the number of terms of fText or fTitle in document d.
func (s *segment) fieldLen(f int, d uint32) uint32 {
	i := 1
	if f == fTitle {
		i = 0
	}
	return binary.LittleEndian.Uint32(s.lens[i][4*d:])
}

// entry is a dictionary entry.
type entry struct {
	term []byte // in the segment's bytes
	df   int
	off  uint64
}

// entryAt returns the i-th entry of field f's dictionary.
func (s *segment) entryAt(f, i int) (entry, bool) {
	sf := &s.fields[f]
	o := int(binary.LittleEndian.Uint32(sf.offs[4*i:]))
	if o >= len(sf.dict) {
		return entry{}, false
	}
	b := sf.dict[o:]
	l, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < l {
		return entry{}, false
	}
	e := entry{term: b[k : k+int(l)]}
	b = b[k+int(l):]
	df, k := binary.Uvarint(b)
	if k <= 0 {
		return entry{}, false
	}
	off, k2 := binary.Uvarint(b[k:])
	if k2 <= 0 || df > uint64(s.n) || off > uint64(len(sf.post)) {
		return entry{}, false
	}
	e.df, e.off = int(df), off
	return e, true
}

// search returns the index of the first entry of field f not below term.
func (s *segment) search(f int, term string) int {
	return sort.Search(s.fields[f].terms, func(i int) bool {
		e, ok := s.entryAt(f, i)
		return !ok || string(e.term) >= term
	})
}

// lookup returns the entry of term in field f.
func (s *segment) lookup(f int, term string) (entry, bool) {
	i := s.search(f, term)
	if i >= s.fields[f].terms {
		return entry{}, false
	}
	e, ok := s.entryAt(f, i)
	return e, ok && string(e.term) == term
}

// postings reads the postings of a dictionary entry of field f into p.
// Positions are read only when withPos is set.
func (s *segment) postings(f int, e entry, p *plist, withPos bool) error {
	p.reset()
	b := s.fields[f].post[e.off:]
	var d uint64
	for i := range e.df {
		v, k := binary.Uvarint(b)
		d += v
		// Numbers ascend strictly, below the number of documents.
		if k <= 0 || (v == 0 && i > 0) || v >= uint64(s.n) || d >= uint64(s.n) {
			return fmt.Errorf("%w: postings of %s", errSegment, fieldNames[f])
		}
		p.docs = append(p.docs, uint32(d))
		b = b[k:]
	}
	if !fieldPositional(f) {
		return nil
	}
	total := 0
	for range e.df {
		v, k := binary.Uvarint(b)
		if k <= 0 || v > math.MaxUint32 {
			return fmt.Errorf("%w: frequencies of %s", errSegment, fieldNames[f])
		}
		p.freqs = append(p.freqs, uint32(v))
		total += int(v)
		b = b[k:]
	}
	if !withPos {
		return nil
	}
	for _, fr := range p.freqs {
		var pos uint32
		for range fr {
			v, k := binary.Uvarint(b)
			if k <= 0 || v > math.MaxUint32 {
				return fmt.Errorf("%w: positions of %s", errSegment, fieldNames[f])
			}
			pos += uint32(v)
			p.pos = append(p.pos, pos)
			b = b[k:]
		}
	}
	return nil
}

// plist is the postings of one term: documents, and for a positional
// field their frequencies and positions (freqs[i] positions for docs[i],
// one document after the other).
type plist struct {
	docs, freqs, pos []uint32
}

func (p *plist) reset() { p.docs, p.freqs, p.pos = p.docs[:0], p.freqs[:0], p.pos[:0] }
