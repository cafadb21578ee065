package batch

import (
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// Decoder turns bytes in GB18030 (which includes GBK and GB2312, as Excel
// on Chinese Windows saves a CSV) into text.
type Decoder func(data []byte) (string, error)

// Encodings Decode names.
const (
	UTF8    = "UTF-8"
	UTF16   = "UTF-16"
	GB18030 = "GB18030"
)

// ErrNotUTF8 is Decode's error for bytes that are not UTF-8 when no GB18030
// decoder is given.
var ErrNotUTF8 = errors.New("batch: the file is not UTF-8 and no GB18030 decoder was given")

// Decode turns a file into text: UTF-8 with or without a BOM, UTF-16
// with a BOM (Excel's "Unicode 文本"), else GB18030 through gb. It says
// which encoding it read.
func Decode(data []byte, gb Decoder) (text, encoding string, err error) {
	switch {
	case len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF:
		return string(data[3:]), UTF8, nil
	case len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF):
		return decodeUTF16(data[2:], data[0] == 0xFE), UTF16, nil
	case utf8.Valid(data):
		return string(data), UTF8, nil
	case gb == nil:
		return "", "", ErrNotUTF8
	}
	text, err = gb(data)
	if err != nil {
		return "", "", err
	}
	return text, GB18030, nil
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}
