// SPDX-License-Identifier: MIT
// libFuzzer target, structure-aware: the input is a text recipe that writes an HDF5 file with the
// HDF5 C API (so the file is always well-formed HDF5, and what is fuzzed is irio's schema
// checking, not libhdf5's own parser, which is known to crash on raw random bytes); the file is
// then read with io::read_table (and io::read_tidy_h5 for `tidy` lines) and the table used.
//
// One command per line, tokens separated by blanks; unknown or malformed lines are skipped:
//
//   ds    <path> <type> <layout> <dims> [= v1 v2 ...]    a dataset; without "=" it is declared
//                                                         but never written
//   attr  <object> <name> <type> <dims> [= v1 v2 ...]    an attribute (the object is created as a
//                                                         group when missing)
//   group <path>          hlink <target> <path>          slink <target> <path>
//   del   <path>          tidy <run>                     fmt earliest|latest
//
//   type    f64 f32 f64be f32be i64 i32 i16 i8 u64 u32 u8 i64be i32be (numbers),
//           vstr vstra (variable-length UTF-8 / ASCII strings), fstrN sstrN zstrN (fixed-length
//           strings of N bytes, null-padded / space-padded / null-terminated),
//           cpd arr bitf opaque enum vseq (types the reader must refuse; written as zeros)
//   layout  contig | compact | chunk, with optional "+deflate" "+shuffle" "+fletcher" "+early"
//           (space allocated at creation: declared but unwritten values read as 0) "+unlim"
//           (extendible); e.g. chunk+shuffle+deflate
//   dims    scalar | null | N | NxM | NxMxK... (up to rank 4, any size up to 2^64-1)
//   values  numbers (strtod/strtoll: nan, inf, 0x10 work) or strings; %XX is the byte XX and a
//           lone % is the empty string. Fewer values than declared elements: only the first ones
//           (row-major) are written, the rest of the dataset stays unallocated or fill.
//
// Example (fuzz/corpus/h5_fuzz/dense.txt):
//   attr / irio_schema_version i64 scalar = 1
//   ds /labels/regions vstr contig 2 = CN US
//   ds /labels/sectors fstr8 contig 3 = agri mfg serv
//   ds /core/Z f64 contig 6x6 = 1 2 0 0 ...
//
// The harness keeps what it writes small (at most 4096 values per dataset, chunks of at most
// 4096 elements and 1 MiB, no written dataset over 16 MiB, 32 MiB written in all); declared shapes are
// not limited.
#include <hdf5.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "irio/io/internal/h5.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"

namespace {

using irio::io::internal::H5Id;

constexpr std::size_t kMaxLines = 256;
constexpr std::size_t kMaxValues = 4096;
constexpr hsize_t kMaxChunkElements = 4096;
constexpr std::uint64_t kMaxChunkBytes = std::uint64_t{1} << 20;
constexpr std::uint64_t kMaxWrittenBytes = std::uint64_t{16} << 20;
constexpr std::uint64_t kMaxEarlyBytes = std::uint64_t{1} << 20;
constexpr std::uint64_t kMaxAttrBytes = std::uint64_t{1} << 16;
constexpr std::uint64_t kMaxFileBytes = std::uint64_t{32} << 20;  // written by one recipe

std::vector<std::string> split_blank(const std::string& line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// %XX decoding; a lone "%" is the empty string.
std::string decode(const std::string& tok) {
  if (tok == "%") return {};
  std::string s;
  for (std::size_t i = 0; i < tok.size(); ++i) {
    if (tok[i] == '%' && i + 2 < tok.size() && hex(tok[i + 1]) >= 0 && hex(tok[i + 2]) >= 0) {
      s.push_back(static_cast<char>(hex(tok[i + 1]) * 16 + hex(tok[i + 2])));
      i += 2;
    } else {
      s.push_back(tok[i]);
    }
  }
  return s;
}

enum class Kind { kFloat, kInt, kVlenString, kFixedString, kOther };

struct Type {
  H5Id id;
  Kind kind = Kind::kOther;
  std::size_t size = 0;  // bytes per element in memory (fixed strings, "other" types)
};

bool parse_type(const std::string& t, Type* out) {
  auto copy = [](hid_t base) { return H5Id(H5Tcopy(base), H5Tclose); };
  struct Num {
    const char* name;
    hid_t type;
    bool is_float;
  };
  const Num nums[] = {{"f64", H5T_IEEE_F64LE, true},   {"f32", H5T_IEEE_F32LE, true}, {"f64be", H5T_IEEE_F64BE, true},
                      {"f32be", H5T_IEEE_F32BE, true}, {"i64", H5T_STD_I64LE, false}, {"i32", H5T_STD_I32LE, false},
                      {"i16", H5T_STD_I16LE, false},   {"i8", H5T_STD_I8LE, false},   {"u64", H5T_STD_U64LE, false},
                      {"u32", H5T_STD_U32LE, false},   {"u8", H5T_STD_U8LE, false},   {"i64be", H5T_STD_I64BE, false},
                      {"i32be", H5T_STD_I32BE, false}};
  for (const auto& n : nums)
    if (t == n.name) {
      out->id = copy(n.type);
      out->kind = n.is_float ? Kind::kFloat : Kind::kInt;
      return true;
    }
  if (t == "vstr" || t == "vstra") {
    out->id = copy(H5T_C_S1);
    H5Tset_size(out->id.get(), H5T_VARIABLE);
    H5Tset_cset(out->id.get(), t == "vstr" ? H5T_CSET_UTF8 : H5T_CSET_ASCII);
    out->kind = Kind::kVlenString;
    return true;
  }
  if (t.size() > 4 && t.compare(1, 3, "str") == 0 && (t[0] == 'f' || t[0] == 's' || t[0] == 'z')) {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(t.c_str() + 4, &end, 10);
    if (end == t.c_str() + 4 || *end != '\0' || n == 0 || n > (std::uint64_t{1} << 40)) return false;
    out->id = copy(H5T_C_S1);
    if (H5Tset_size(out->id.get(), static_cast<std::size_t>(n)) < 0) return false;
    H5Tset_strpad(out->id.get(), t[0] == 'f' ? H5T_STR_NULLPAD : t[0] == 's' ? H5T_STR_SPACEPAD : H5T_STR_NULLTERM);
    out->kind = Kind::kFixedString;
    out->size = static_cast<std::size_t>(n);
    return true;
  }
  out->kind = Kind::kOther;
  if (t == "cpd") {
    out->id = H5Id(H5Tcreate(H5T_COMPOUND, 16), H5Tclose);
    H5Tinsert(out->id.get(), "a", 0, H5T_NATIVE_DOUBLE);
    H5Tinsert(out->id.get(), "b", 8, H5T_NATIVE_INT32);
  } else if (t == "arr") {
    const hsize_t two = 2;
    out->id = H5Id(H5Tarray_create2(H5T_NATIVE_DOUBLE, 1, &two), H5Tclose);
  } else if (t == "bitf") {
    out->id = copy(H5T_NATIVE_B8);
  } else if (t == "opaque") {
    out->id = H5Id(H5Tcreate(H5T_OPAQUE, 4), H5Tclose);
    H5Tset_tag(out->id.get(), "irio fuzz");
  } else if (t == "enum") {
    out->id = H5Id(H5Tenum_create(H5T_NATIVE_INT), H5Tclose);
    int zero = 0;
    H5Tenum_insert(out->id.get(), "zero", &zero);
  } else if (t == "vseq") {
    out->id = H5Id(H5Tvlen_create(H5T_NATIVE_DOUBLE), H5Tclose);
  } else {
    return false;
  }
  out->size = H5Tget_size(out->id.get());
  return out->id.valid();
}

/// dims; `null` sets *is_null, `scalar` gives rank 0.
bool parse_dims(const std::string& s, std::vector<hsize_t>* dims, bool* is_null) {
  *is_null = false;
  dims->clear();
  if (s == "null") {
    *is_null = true;
    return true;
  }
  if (s == "scalar") return true;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find('x', i);
    if (j == std::string::npos) j = s.size();
    if (j == i) return false;
    const std::string tok = s.substr(i, j - i);
    char* end = nullptr;
    const unsigned long long v = std::strtoull(tok.c_str(), &end, 10);
    if (*end != '\0' || tok[0] == '-') return false;
    dims->push_back(static_cast<hsize_t>(v));
    if (dims->size() > 4) return false;
    i = j + 1;
  }
  return !dims->empty();
}

H5Id make_space(const std::vector<hsize_t>& dims, bool is_null, bool unlimited) {
  if (is_null) return H5Id(H5Screate(H5S_NULL), H5Sclose);
  if (dims.empty()) return H5Id(H5Screate(H5S_SCALAR), H5Sclose);
  std::vector<hsize_t> maxdims(dims);
  if (unlimited) std::fill(maxdims.begin(), maxdims.end(), H5S_UNLIMITED);
  return H5Id(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), maxdims.data()), H5Sclose);
}

/// Number of elements (saturating at UINT64_MAX).
std::uint64_t count_of(const std::vector<hsize_t>& dims, bool is_null) {
  if (is_null) return 0;
  std::uint64_t n = 1;
  for (auto d : dims) {
    if (d != 0 && n > UINT64_MAX / d) return UINT64_MAX;
    n *= d;
  }
  return n;
}

/// A memory buffer holding `k` values of `type` for H5Dwrite/H5Awrite, and its memory type.
struct Buffer {
  std::vector<double> doubles;
  std::vector<long long> ints;
  std::vector<std::string> strings;
  std::vector<const char*> pointers;
  std::vector<char> bytes;
  H5Id mem_type;
  const void* data = nullptr;
};

bool fill_buffer(const Type& type, const std::vector<std::string>& values, std::size_t k, Buffer* b) {
  switch (type.kind) {
    case Kind::kFloat:
      for (std::size_t i = 0; i < k; ++i)
        b->doubles.push_back(i < values.size() ? std::strtod(values[i].c_str(), nullptr) : 0.0);
      b->mem_type = H5Id(H5Tcopy(H5T_NATIVE_DOUBLE), H5Tclose);
      b->data = b->doubles.data();
      return true;
    case Kind::kInt:
      for (std::size_t i = 0; i < k; ++i)
        b->ints.push_back(i < values.size() ? std::strtoll(values[i].c_str(), nullptr, 0) : 0);
      b->mem_type = H5Id(H5Tcopy(H5T_NATIVE_LLONG), H5Tclose);
      b->data = b->ints.data();
      return true;
    case Kind::kVlenString:
      for (std::size_t i = 0; i < k; ++i) b->strings.push_back(i < values.size() ? decode(values[i]) : "");
      for (const auto& s : b->strings) b->pointers.push_back(s.c_str());
      b->mem_type = H5Id(H5Tcopy(type.id.get()), H5Tclose);
      b->data = b->pointers.data();
      return true;
    case Kind::kFixedString:
    case Kind::kOther:
      if (type.size == 0 || static_cast<std::uint64_t>(type.size) * k > kMaxWrittenBytes) return false;
      b->bytes.assign(type.size * k, type.kind == Kind::kOther ? '\0' : ' ');
      if (type.kind == Kind::kFixedString) {
        H5T_str_t pad = H5Tget_strpad(type.id.get());
        if (pad != H5T_STR_SPACEPAD) std::fill(b->bytes.begin(), b->bytes.end(), '\0');
        for (std::size_t i = 0; i < k && i < values.size(); ++i) {
          const std::string s = decode(values[i]);
          std::memcpy(b->bytes.data() + i * type.size, s.data(), std::min(s.size(), type.size));
        }
      }
      b->mem_type = H5Id(H5Tcopy(type.id.get()), H5Tclose);
      b->data = b->bytes.data();
      return true;
  }
  return false;
}

struct Recipe {
  hid_t file = -1;
  H5Id lcpl;
  std::vector<std::string> tidy_runs;
  std::uint64_t written = 0;  // bytes of values written or allocated so far
};

void ensure_group(Recipe& r, const std::string& path) {
  if (path.empty() || path == "/") return;
  if (H5Lexists(r.file, path.c_str(), H5P_DEFAULT) > 0) return;
  // H5Lexists fails (not "false") when an intermediate group is missing; create it then.
  H5Id g(H5Gcreate2(r.file, path.c_str(), r.lcpl.get(), H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
}

std::string parent_of(const std::string& path) {
  const auto p = path.find_last_of('/');
  if (p == std::string::npos || p == 0) return "/";
  return path.substr(0, p);
}

void do_dataset(Recipe& r, const std::vector<std::string>& tok) {
  // ds <path> <type> <layout> <dims> [= values]
  if (tok.size() < 5) return;
  Type type;
  if (!parse_type(tok[2], &type)) return;
  std::vector<hsize_t> dims;
  bool is_null = false;
  if (!parse_dims(tok[4], &dims, &is_null)) return;
  std::vector<std::string> values;
  bool has_values = false;
  if (tok.size() > 5 && tok[5] == "=") {
    has_values = true;
    values.assign(tok.begin() + 6, tok.end());
    if (values.size() > kMaxValues) values.resize(kMaxValues);
  }
  // Layout and flags.
  std::vector<std::string> parts;
  for (std::size_t i = 0, j; i <= tok[3].size(); i = j + 1) {
    j = tok[3].find('+', i);
    if (j == std::string::npos) j = tok[3].size();
    parts.push_back(tok[3].substr(i, j - i));
  }
  const std::uint64_t count = count_of(dims, is_null);
  const std::uint64_t elem = std::max<std::uint64_t>(H5Tget_size(type.id.get()), 1);
  const std::uint64_t bytes = count > UINT64_MAX / elem ? UINT64_MAX : count * elem;
  std::string layout = parts[0];
  bool deflate = false, shuffle = false, fletcher = false, early = false, unlim = false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    deflate |= parts[i] == "deflate";
    shuffle |= parts[i] == "shuffle";
    fletcher |= parts[i] == "fletcher";
    early |= parts[i] == "early";
    unlim |= parts[i] == "unlim";
  }
  if (layout != "contig" && layout != "compact" && layout != "chunk") return;
  // A large contiguous dataset with values would make a large file: chunk it instead.
  if (layout != "chunk" && has_values && bytes > kMaxEarlyBytes) layout = "chunk";
  if (layout != "chunk" && unlim) layout = "chunk";
  if (early && (bytes > kMaxEarlyBytes || r.written + bytes > kMaxFileBytes)) early = false;
  if (early) r.written += bytes;
  const bool chunked = layout == "chunk" && !is_null && !dims.empty();
  if (!chunked && layout == "chunk") layout = "contig";  // scalar and null spaces cannot be chunked
  if (chunked && std::find(dims.begin(), dims.end(), hsize_t{0}) != dims.end()) unlim = true;

  H5Id dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  if (chunked) {
    std::vector<hsize_t> chunk(dims.size());
    hsize_t room = std::clamp<hsize_t>(kMaxChunkBytes / elem, 1, kMaxChunkElements);
    for (std::size_t i = dims.size(); i-- > 0;) {
      chunk[i] = std::clamp<hsize_t>(dims[i], 1, std::max<hsize_t>(room, 1));
      room /= chunk[i];
    }
    if (elem > kMaxWrittenBytes) return;  // one chunk must fit libhdf5's memory
    H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data());
    if (shuffle) H5Pset_shuffle(dcpl.get());
    if (deflate) H5Pset_deflate(dcpl.get(), 6);
    if (fletcher) H5Pset_fletcher32(dcpl.get());
  } else if (layout == "compact") {
    if (bytes > kMaxAttrBytes) return;
    H5Pset_layout(dcpl.get(), H5D_COMPACT);
  }
  if (early) H5Pset_alloc_time(dcpl.get(), H5D_ALLOC_TIME_EARLY);
  H5Id space = make_space(dims, is_null, unlim && chunked);
  ensure_group(r, parent_of(tok[1]));
  H5Id ds(H5Dcreate2(r.file, tok[1].c_str(), type.id.get(), space.get(), r.lcpl.get(), dcpl.get(), H5P_DEFAULT),
          H5Dclose);
  if (!ds.valid() || !has_values || count == 0) return;

  const std::size_t k =
      static_cast<std::size_t>(std::min<std::uint64_t>(count, std::max<std::size_t>(values.size(), 1)));
  if (r.written + k * elem > kMaxFileBytes) return;
  r.written += k * elem;
  Buffer b;
  if (!fill_buffer(type, values, k, &b)) return;
  // A small conversion buffer: libhdf5's default (1 MiB, calloc'ed twice per write) dominated the
  // run time under ASan.
  H5Id dxpl(H5Pcreate(H5P_DATASET_XFER), H5Pclose);
  H5Pset_buffer(dxpl.get(), std::max<std::size_t>(std::size_t{1} << 16, 2 * static_cast<std::size_t>(elem)), nullptr,
                nullptr);
  if (k == count) {
    H5Dwrite(ds.get(), b.mem_type.get(), H5S_ALL, H5S_ALL, dxpl.get(), b.data);
    return;
  }
  // The first k elements in row-major order, as a point selection.
  const std::size_t rank = dims.size();
  std::vector<hsize_t> coords(k * rank, 0);
  std::vector<hsize_t> idx(rank, 0);
  for (std::size_t e = 0; e < k; ++e) {
    std::copy(idx.begin(), idx.end(), coords.begin() + static_cast<std::ptrdiff_t>(e * rank));
    for (std::size_t d = rank; d-- > 0;) {
      if (++idx[d] < dims[d]) break;
      idx[d] = 0;
    }
  }
  if (H5Sselect_elements(space.get(), H5S_SELECT_SET, k, coords.data()) < 0) return;
  const hsize_t kk = k;
  H5Id mspace(H5Screate_simple(1, &kk, nullptr), H5Sclose);
  H5Dwrite(ds.get(), b.mem_type.get(), mspace.get(), space.get(), dxpl.get(), b.data);
}

void do_attribute(Recipe& r, const std::vector<std::string>& tok) {
  // attr <object> <name> <type> <dims> [= values]
  if (tok.size() < 5) return;
  Type type;
  if (!parse_type(tok[3], &type)) return;
  std::vector<hsize_t> dims;
  bool is_null = false;
  if (!parse_dims(tok[4], &dims, &is_null)) return;
  const std::uint64_t count = count_of(dims, is_null);
  const std::uint64_t elem = std::max<std::uint64_t>(H5Tget_size(type.id.get()), 1);
  if (count > kMaxAttrBytes / elem) return;  // attributes are held in memory whole by libhdf5
  ensure_group(r, tok[1]);
  H5Id obj(H5Oopen(r.file, tok[1].c_str(), H5P_DEFAULT), H5Oclose);
  if (!obj.valid()) return;
  const std::string name = decode(tok[2]);
  if (H5Aexists(obj.get(), name.c_str()) > 0) H5Adelete(obj.get(), name.c_str());
  H5Id space = make_space(dims, is_null, false);
  H5Id a(H5Acreate2(obj.get(), name.c_str(), type.id.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  if (!a.valid() || tok.size() < 6 || tok[5] != "=" || count == 0) return;
  std::vector<std::string> values(tok.begin() + 6, tok.end());
  Buffer b;
  if (fill_buffer(type, values, static_cast<std::size_t>(count), &b)) H5Awrite(a.get(), b.mem_type.get(), b.data);
}

void run_line(Recipe& r, const std::vector<std::string>& tok) {
  const std::string& cmd = tok[0];
  if (cmd == "ds") {
    do_dataset(r, tok);
  } else if (cmd == "attr") {
    do_attribute(r, tok);
  } else if (cmd == "group" && tok.size() >= 2) {
    ensure_group(r, tok[1]);
  } else if (cmd == "hlink" && tok.size() >= 3) {
    ensure_group(r, parent_of(tok[2]));
    H5Lcreate_hard(r.file, tok[1].c_str(), r.file, tok[2].c_str(), r.lcpl.get(), H5P_DEFAULT);
  } else if (cmd == "slink" && tok.size() >= 3) {
    H5Lcreate_soft(tok[1].c_str(), r.file, tok[2].c_str(), r.lcpl.get(), H5P_DEFAULT);
  } else if (cmd == "del" && tok.size() >= 2) {
    H5Ldelete(r.file, tok[1].c_str(), H5P_DEFAULT);
  } else if (cmd == "tidy" && tok.size() >= 2 && r.tidy_runs.size() < 4) {
    r.tidy_runs.push_back(decode(tok[1]));
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::vector<std::string>> lines;
  bool latest = false, earliest = false;
  for (std::size_t i = 0; i < text.size() && lines.size() < kMaxLines;) {
    std::size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    auto tok = split_blank(text.substr(i, j - i));
    i = j + 1;
    if (tok.empty() || tok[0][0] == '#') continue;
    if (tok[0] == "fmt" && tok.size() >= 2) {
      latest = tok[1] == "latest";
      earliest = tok[1] == "earliest";
      continue;
    }
    lines.push_back(std::move(tok));
  }

  const std::string path = (irio::fuzz::scratch("h5_fuzz") / "table.h5").string();
  Recipe r;
  {
    H5Id fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    if (latest) H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_LATEST, H5F_LIBVER_LATEST);
    if (earliest) H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_EARLIEST, H5F_LIBVER_LATEST);
    H5Id file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl.get()), H5Fclose);
    if (!file.valid()) return 0;
    r.file = file.get();
    r.lcpl = H5Id(H5Pcreate(H5P_LINK_CREATE), H5Pclose);
    H5Pset_create_intermediate_group(r.lcpl.get(), 1);
    for (const auto& tok : lines) run_line(r, tok);
    r.lcpl.reset();
  }  // every id is closed here, so the file is complete on disk

  try {
    const auto t = irio::io::read_table(path);
    irio::fuzz::note("ok: n = " + std::to_string(t.n()) + ", " + std::to_string(t.satellites.size()) +
                     " satellites, sum " + std::to_string(irio::fuzz::touch(t)));
  } catch (const irio::Error& e) {
    // Bad input must end in an irio::Error; anything else is a finding.
    irio::fuzz::note(e.what());
  }
  for (const auto& run : r.tidy_runs) {
    try {
      const auto results = irio::io::read_tidy_h5(path, run);
      std::size_t rows = 0;
      std::string first;  // the first rows, "key/key=value", for IRIO_FUZZ_VERBOSE
      for (const auto& tt : results) {
        rows += tt.num_rows();
        for (std::size_t i = 0; i < tt.num_rows() && i < 4; ++i) {
          first += " ";
          for (std::size_t c = 0; c < tt.num_keys(); ++c) first += (c ? "/" : "") + tt.key(c, i);
          first += "=" + std::to_string(tt.value(i));
        }
      }
      irio::fuzz::note("ok: run '" + run + "': " + std::to_string(results.size()) + " tables, " + std::to_string(rows) +
                       " rows;" + first);
    } catch (const irio::Error& e) {
      irio::fuzz::note(e.what());
    }
  }
  return 0;
}
