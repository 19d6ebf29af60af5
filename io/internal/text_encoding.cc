// SPDX-License-Identifier: MIT
// UTF-8 validation (Unicode 15, table 3-7: well-formed byte sequences) and GB18030 decoding.
#include "irio/io/internal/text_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <vector>

#include "irio/tables/error.h"

namespace irio::io::internal {

std::size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlong forms
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool plausible_chinese(std::string_view in) {
  // Chinese text in GBK keeps to the GB2312 area: hanzi with lead bytes 0xB0-0xF7 and symbols or
  // punctuation with 0xA1-0xA9, trail bytes 0xA1-0xFE. Shift-JIS (leads 0x81-0x9F, 0xE0-0xEF,
  // trails from 0x40) and most Windows-1252 / Latin-1 text fall outside; at least half of the
  // characters must be hanzi (issue 22: such text was "converted" to Chinese labels).
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  std::size_t hanzi = 0, chars = 0;
  for (std::size_t i = 0; i < in.size();) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    if (i + 1 >= in.size()) return false;
    const unsigned lead = p[i], trail = p[i + 1];
    if (trail < 0xA1 || trail > 0xFE) return false;
    if (lead >= 0xB0 && lead <= 0xF7) ++hanzi;
    else if (lead < 0xA1 || lead > 0xA9) return false;
    ++chars;
    i += 2;
  }
  return chars > 0 && 2 * hanzi >= chars;
}

bool gb18030_to_utf8(std::string_view in, std::string* out) {
  // Runs of non-ASCII bytes must be whole double-byte characters.
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  for (std::size_t i = 0; i < in.size();) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < in.size() && p[j] >= 0x80) ++j;
    if ((j - i) % 2 != 0) return false;
    for (std::size_t k = i; k < j; k += 2)
      if (p[k] < 0x81 || p[k] == 0xFF || p[k + 1] == 0xFF) return false;
    i = j;
  }
  if (!plausible_chinese(in)) return false;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;  // no converter in this C library
  out->clear();
  std::vector<char> buf(1 << 16);
  char* src = const_cast<char*>(in.data());
  std::size_t left = in.size();
  bool ok = true;
  while (left > 0) {
    char* dst = buf.data();
    std::size_t room = buf.size();
    const std::size_t r = iconv(cd, &src, &left, &dst, &room);
    out->append(buf.data(), static_cast<std::size_t>(dst - buf.data()));
    if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
      ok = false;  // EILSEQ (not GB18030) or EINVAL (cut in the middle of a character)
      break;
    }
  }
  iconv_close(cd);
  return ok && is_utf8(*out);
}

std::string escape_bytes(std::string_view s, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || c < 0x20 || c == 0x7F) {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02X", c);
      out += b;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void require_utf8(std::string_view s, const std::string& where, const std::string& what) {
  const std::size_t bad = find_invalid_utf8(s);
  if (bad == std::string_view::npos) return;
  char b[8];
  std::snprintf(b, sizeof b, "0x%02X", static_cast<unsigned char>(s[bad]));
  throw InputError(where + ": " + what + " '" + escape_bytes(s) + "' is not valid UTF-8 (byte " + b + " at offset " +
                   std::to_string(bad) + "); irio stores labels as UTF-8");
}

}  // namespace irio::io::internal
