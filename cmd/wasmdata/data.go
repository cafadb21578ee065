package main

import (
	"bytes"
	"errors"
	"fmt"
	"jifen/internal/leb128"
	"sort"
)

// wasmMagic is a binary module's first eight bytes: "\0asm", version 1.
var wasmMagic = []byte{0, 'a', 's', 'm', 1, 0, 0, 0}

const dataSection = 11

// segment is an active data segment of memory 0 at a constant offset.
type segment struct {
	offset uint32
	data   []byte
}

// MergeData returns module with its data section rewritten so that
// segments less than gap bytes apart are one, and the segment counts
// before and after.
func MergeData(module []byte, gap int) (out []byte, before, after int, err error) {
	if !bytes.HasPrefix(module, wasmMagic) {
		return nil, 0, 0, errors.New("not a WebAssembly module (version 1)")
	}
	out = append(out, wasmMagic...)
	found := false
	for i := len(wasmMagic); i < len(module); {
		id := module[i]
		size, n, err := leb128.Unsigned(module[i+1:])
		if err != nil {
			return nil, 0, 0, fmt.Errorf("section at byte %d: %w", i, err)
		}
		start := i + 1 + n
		end := start + int(size)
		if end > len(module) || end < start {
			return nil, 0, 0, fmt.Errorf("section %d at byte %d runs past the end", id, i)
		}
		if id != dataSection {
			out = append(out, module[i:end]...)
			i = end
			continue
		}
		if found {
			return nil, 0, 0, errors.New("two data sections")
		}
		found = true
		segs, err := readSegments(module[start:end])
		if err != nil {
			return nil, 0, 0, fmt.Errorf("data section: %w", err)
		}
		merged := merge(segs, gap)
		body := writeSegments(merged)
		out = append(out, dataSection)
		out = leb128.AppendUnsigned(out, uint64(len(body)))
		out = append(out, body...)
		before, after = len(segs), len(merged)
		i = end
	}
	if !found {
		return nil, 0, 0, errors.New("no data section")
	}
	return out, before, after, nil
}

// readSegments parses a data section's body.
func readSegments(b []byte) ([]segment, error) {
	count, n, err := leb128.Unsigned(b)
	if err != nil {
		return nil, err
	}
	b = b[n:]
	segs := make([]segment, 0, count)
	for k := uint64(0); k < count; k++ {
		// flags 0: active, memory 0, then the offset expression
		// i32.const N (0x41, signed LEB) end (0x0b).
		if len(b) < 2 || b[0] != 0 || b[1] != 0x41 {
			return nil, fmt.Errorf("segment %d is not an active segment at an i32.const offset", k)
		}
		off, n, err := leb128.Signed32(b[2:])
		if err != nil {
			return nil, fmt.Errorf("segment %d offset: %w", k, err)
		}
		b = b[2+n:]
		if len(b) == 0 || b[0] != 0x0b || off < 0 {
			return nil, fmt.Errorf("segment %d: unexpected offset expression", k)
		}
		b = b[1:]
		size, n, err := leb128.Unsigned(b)
		if err != nil {
			return nil, fmt.Errorf("segment %d size: %w", k, err)
		}
		b = b[n:]
		if uint64(len(b)) < size {
			return nil, fmt.Errorf("segment %d runs past the section", k)
		}
		segs = append(segs, segment{offset: uint32(off), data: b[:size]})
		b = b[size:]
	}
	if len(b) != 0 {
		return nil, errors.New("bytes after the last segment")
	}
	return segs, nil
}

// merge joins segments less than gap bytes apart, zero-filling between
// them. Overlapping segments are refused by returning them unmerged.
func merge(segs []segment, gap int) []segment {
	sorted := append([]segment(nil), segs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].offset < sorted[j].offset })
	var out []segment
	for _, s := range sorted {
		if len(out) > 0 {
			last := &out[len(out)-1]
			end := uint64(last.offset) + uint64(len(last.data))
			if uint64(s.offset) >= end && uint64(s.offset)-end < uint64(gap) {
				data := make([]byte, 0, int(uint64(s.offset)-uint64(last.offset))+len(s.data))
				data = append(data, last.data...)
				data = append(data, make([]byte, uint64(s.offset)-end)...)
				last.data = append(data, s.data...)
				continue
			}
		}
		out = append(out, segment{offset: s.offset, data: s.data})
	}
	return out
}

func writeSegments(segs []segment) []byte {
	var b []byte
	b = leb128.AppendUnsigned(b, uint64(len(segs)))
	for _, s := range segs {
		b = append(b, 0, 0x41)
		b = leb128.AppendSigned(b, int64(int32(s.offset)))
		b = append(b, 0x0b)
		b = leb128.AppendUnsigned(b, uint64(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}
