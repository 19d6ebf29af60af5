// SPDX-License-Identifier: MIT
// UTF-8 validation and GB18030 -> UTF-8 conversion of input text (docs/formats.md, "Limits and
// encodings"). Labels are stored in HDF5 datasets declared UTF-8, so every reader checks them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace irio::io::internal {

/// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (no overlong
/// forms, no surrogates, nothing above U+10FFFF), or std::string_view::npos when all are valid.
std::size_t find_invalid_utf8(std::string_view s);
inline bool is_utf8(std::string_view s) { return find_invalid_utf8(s) == std::string_view::npos; }

/// Whether the non-ASCII bytes of `in` read as Chinese text in GB2312/GBK: whole double-byte
/// characters in the GB2312 area (hanzi leads 0xB0-0xF7, symbol leads 0xA1-0xA9, trails
/// 0xA1-0xFE), at least half of them hanzi. Shift-JIS and Latin-1 / Windows-1252 text fail.
bool plausible_chinese(std::string_view in);

/// Convert GB18030 (a superset of GBK and GB2312) text to UTF-8 with iconv. Accepted only when
/// every run of non-ASCII bytes is a sequence of whole double-byte characters, the text is
/// plausible_chinese, and iconv decodes it. Returns false (and leaves *out unspecified) otherwise;
/// the caller then refuses the text naming the first byte that is not UTF-8.
bool gb18030_to_utf8(std::string_view in, std::string* out);

/// `s` with bytes >= 0x80 and control bytes written as \xNN, at most `max` characters of it.
std::string escape_bytes(std::string_view s, std::size_t max = 60);

/// Throw InputError "`where`: `what` '<escaped>' is not valid UTF-8 (byte 0xNN at offset k)..."
/// unless `s` is valid UTF-8.
void require_utf8(std::string_view s, const std::string& where, const std::string& what);

}  // namespace irio::io::internal
