package story

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"time"
)

// Version 3 of the saved state is a sequence of frames, each the length
// of its payload (a uvarint), the payload and its CRC-32C (Castagnoli,
// little-endian), ended by a frame of length 0. A payload holds whole
// values, which never span two frames: unsigned integers as uvarints,
// signed ones as varints, strings and times (MarshalBinary) with their
// length first, weights in fixed little-endian words, booleans as a byte.
// The checksums catch a damaged file, as gzip's did in versions 1 and 2.

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// frameSize is the payload at which encoder ends a frame.
const frameSize = 64 << 10

// encoder writes values in frames. The first error is kept and later
// writes do nothing.
type encoder struct {
	w   io.Writer
	buf []byte // the frame being filled, after room for its length
	err error
}

// frameHead is the room kept before a payload for its length.
const frameHead = binary.MaxVarintLen64

func newEncoder(w io.Writer) *encoder {
	return &encoder{w: w, buf: make([]byte, frameHead, frameHead+frameSize+1024)}
}

// spill writes the frame out when it is full.
func (e *encoder) spill() {
	if len(e.buf)-frameHead >= frameSize {
		e.flush()
	}
}

// flush writes the frame out, unless it is empty.
func (e *encoder) flush() {
	n := len(e.buf) - frameHead
	if n == 0 {
		return
	}
	if e.err == nil {
		var head [frameHead]byte
		h := binary.PutUvarint(head[:], uint64(n))
		at := frameHead - h
		copy(e.buf[at:], head[:h])
		e.buf = binary.LittleEndian.AppendUint32(e.buf, crc32.Checksum(e.buf[frameHead:], crcTable))
		_, e.err = e.w.Write(e.buf[at:])
	}
	e.buf = e.buf[:frameHead]
}

// close writes out the last frame and the end.
func (e *encoder) close() error {
	e.flush()
	if e.err == nil {
		_, e.err = e.w.Write([]byte{0})
	}
	return e.err
}

func (e *encoder) uint(v uint64) {
	e.buf = binary.AppendUvarint(e.buf, v)
	e.spill()
}

func (e *encoder) int(v int64) {
	e.buf = binary.AppendVarint(e.buf, v)
	e.spill()
}

func (e *encoder) bool(v bool) {
	b := byte(0)
	if v {
		b = 1
	}
	e.buf = append(e.buf, b)
	e.spill()
}

func (e *encoder) u32(v uint32) {
	e.buf = binary.LittleEndian.AppendUint32(e.buf, v)
	e.spill()
}

func (e *encoder) u64(v uint64) {
	e.buf = binary.LittleEndian.AppendUint64(e.buf, v)
	e.spill()
}

func (e *encoder) f64(v float64) { e.u64(math.Float64bits(v)) }

// pair writes a key of two ids (see pairKeys), the high 32 bits and the
// low ones, each a uvarint.
func (e *encoder) pair(k uint64) {
	e.buf = binary.AppendUvarint(e.buf, k>>32)
	e.buf = binary.AppendUvarint(e.buf, k&math.MaxUint32)
	e.spill()
}

func (e *encoder) str(s string) {
	e.buf = binary.AppendUvarint(e.buf, uint64(len(s)))
	e.buf = append(e.buf, s...)
	e.spill()
}

func (e *encoder) time(t time.Time) {
	at := len(e.buf)
	e.buf = append(e.buf, 0) // the length, below 128
	b, err := t.AppendBinary(e.buf)
	if err != nil {
		if e.err == nil {
			e.err = err
		}
		e.buf = e.buf[:at]
		return
	}
	b[at] = byte(len(b) - at - 1)
	e.buf = b
	e.spill()
}

func (e *encoder) sig(s *signature) {
	for _, v := range s {
		e.buf = binary.LittleEndian.AppendUint32(e.buf, v)
	}
	e.spill()
}

// decoder reads what encoder writes, a frame at a time. The first error is
// kept and later reads return zero values; lengths are checked so that a
// corrupt file cannot ask for a huge allocation at once.
type decoder struct {
	r   *bufio.Reader
	buf []byte // the payload of the current frame, checked
	off int    // the next value's offset in buf
	end bool   // the end was read
	err error
}

const (
	// maxFrame bounds the payload of a frame; encoder's are a little
	// over frameSize unless a value is longer.
	maxFrame = 1 << 28
	// maxLen bounds a length read (a count of values or of bytes).
	maxLen = 1 << 31
	// maxAlloc bounds the room made ahead for a count of values read;
	// more grows as the values come.
	maxAlloc = 1 << 16
)

var errCorrupt = errors.New("corrupt story state")

func (d *decoder) fail(err error) {
	if d.err == nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		d.err = err
	}
}

// value returns the rest of the current frame, reading the next one when
// the current one is used up; nil after an error.
func (d *decoder) value() []byte {
	if d.err != nil {
		return nil
	}
	if d.off == len(d.buf) && !d.frame() {
		return nil
	}
	return d.buf[d.off:]
}

// frame reads and checks the next frame.
func (d *decoder) frame() bool {
	if d.end {
		d.fail(errCorrupt)
		return false
	}
	n, err := binary.ReadUvarint(d.r)
	switch {
	case err != nil:
		d.fail(err)
		return false
	case n == 0:
		d.end = true
		d.fail(errCorrupt) // a value was still to come
		return false
	case n > maxFrame:
		d.fail(errCorrupt)
		return false
	}
	// Grow the buffer as the bytes come, for a corrupt length.
	d.buf, d.off = d.buf[:0], 0
	for len(d.buf) < int(n) {
		chunk := min(int(n)-len(d.buf), 1<<20)
		d.buf = append(d.buf, make([]byte, chunk)...)
		if _, err := io.ReadFull(d.r, d.buf[len(d.buf)-chunk:]); err != nil {
			d.fail(err)
			return false
		}
	}
	var sum [4]byte
	if _, err := io.ReadFull(d.r, sum[:]); err != nil {
		d.fail(err)
		return false
	}
	if binary.LittleEndian.Uint32(sum[:]) != crc32.Checksum(d.buf, crcTable) {
		d.fail(fmt.Errorf("%w: checksum mismatch", errCorrupt))
		return false
	}
	return true
}

// close checks that the values read were all of them.
func (d *decoder) close() error {
	if d.err == nil && d.off == len(d.buf) {
		if n, err := binary.ReadUvarint(d.r); err != nil || n != 0 {
			d.fail(errCorrupt)
		}
	} else {
		d.fail(errCorrupt)
	}
	return d.err
}

// take returns the next n bytes of the frame, or nil when it has fewer.
func (d *decoder) take(n int) []byte {
	b := d.value()
	if b == nil {
		return nil
	}
	if len(b) < n {
		d.fail(errCorrupt)
		return nil
	}
	d.off += n
	return b[:n]
}

func (d *decoder) uint() uint64 { return readVarint(d, binary.Uvarint) }

func (d *decoder) int() int64 { return readVarint(d, binary.Varint) }

// readVarint reads one varint of d with read (binary.Uvarint or
// binary.Varint).
func readVarint[T uint64 | int64](d *decoder, read func([]byte) (T, int)) T {
	b := d.value()
	if b == nil {
		return 0
	}
	v, n := read(b)
	if n <= 0 {
		d.fail(errCorrupt)
		return 0
	}
	d.off += n
	return v
}

// int32 reads a varint that must fit in an int32.
func (d *decoder) int32() int32 {
	v := d.int()
	if v != int64(int32(v)) {
		d.fail(errCorrupt)
		return 0
	}
	return int32(v)
}

// uint32 reads a uvarint that must fit in a uint32.
func (d *decoder) uint32() uint32 {
	v := d.uint()
	if v > math.MaxUint32 {
		d.fail(errCorrupt)
		return 0
	}
	return uint32(v)
}

// len reads a count or length.
func (d *decoder) len() int {
	v := d.uint()
	if v > maxLen {
		d.fail(errCorrupt)
		return 0
	}
	return int(v)
}

// alloc is the room to make ahead for n values.
func alloc(n int) int { return min(n, maxAlloc) }

func (d *decoder) bool() bool {
	b := d.take(1)
	if b == nil {
		return false
	}
	if b[0] > 1 {
		d.fail(errCorrupt)
	}
	return b[0] == 1
}

func (d *decoder) u32() uint32 {
	if b := d.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (d *decoder) u64() uint64 {
	if b := d.take(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (d *decoder) f64() float64 { return math.Float64frombits(d.u64()) }

func (d *decoder) pair() uint64 {
	hi := uint64(d.uint32())
	return hi<<32 | uint64(d.uint32())
}

// str reads a string; its length and bytes are one value.
func (d *decoder) str() string {
	n := d.len()
	if n == 0 {
		return ""
	}
	if d.off == len(d.buf) { // the bytes must follow in the same frame
		d.fail(errCorrupt)
		return ""
	}
	return string(d.take(n))
}

func (d *decoder) time() time.Time {
	var t time.Time
	n := d.len()
	if d.off == len(d.buf) {
		d.fail(errCorrupt)
	}
	if b := d.take(n); b != nil {
		if err := t.UnmarshalBinary(b); err != nil {
			d.fail(fmt.Errorf("%w: %v", errCorrupt, err))
		}
	}
	return t
}

func (d *decoder) sig(s *signature) {
	if b := d.take(4 * numHashes); b != nil {
		for i := range s {
			s[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
	}
}

// decodeLists reads a map of lists of int32 whose keys key reads.
func decodeLists[K comparable](d *decoder, key func() K) map[K][]int32 {
	n := d.len()
	m := make(map[K][]int32, alloc(n))
	for range n {
		if d.err != nil {
			break
		}
		k := key()
		m[k] = decodeSlice(d, d.int32)
	}
	return m
}

// decodeSlice reads a count and as many values, each with one; nil for
// none, as gob decodes an empty slice.
func decodeSlice[T any](d *decoder, one func() T) []T {
	n := d.len()
	if n == 0 {
		return nil
	}
	out := make([]T, 0, alloc(n))
	for range n {
		if d.err != nil {
			break
		}
		out = append(out, one())
	}
	return out
}
