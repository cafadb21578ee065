package batch

import (
	"errors"
	"unicode/utf8"
)

// Decoder turns bytes in GB18030 (which includes GBK and GB2312, as Excel
// on Chinese Windows saves a CSV) into text.
type Decoder func(data []byte) (string, error)

// Encodings Decode names.
const (
	UTF8    = "UTF-8"
	GB18030 = "GB18030"
)

// ErrNotUTF8 is Decode's error for bytes that are not UTF-8 when no GB18030
// decoder is given.
var ErrNotUTF8 = errors.New("batch: the file is not UTF-8 and no GB18030 decoder was given")

// Decode turns a file into text: UTF-8 with or without a BOM, else
// GB18030 through gb. It says which encoding it read.
func Decode(data []byte, gb Decoder) (text, encoding string, err error) {
	switch {
	case utf8.Valid(data):
		if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
			data = data[3:]
		}
		return string(data), UTF8, nil
	case gb == nil:
		return "", "", ErrNotUTF8
	}
	if text, err = gb(data); err != nil {
		return "", "", err
	}
	return text, GB18030, nil
}
