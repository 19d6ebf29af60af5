// SPDX-License-Identifier: MIT
// Thin RAII and read/write helpers over the HDF5 C API; the only header that includes hdf5.h.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <string>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::io::internal {

/// Turn off HDF5's automatic error-stack printing (errors become irio exceptions instead).
void silence_hdf5_errors();

/// Owns one HDF5 identifier and closes it with the matching H5?close.
class H5Id {
 public:
  using Closer = herr_t (*)(hid_t);
  H5Id() = default;
  H5Id(hid_t id, Closer close) : id_(id), close_(close) {}
  ~H5Id() { reset(); }
  H5Id(H5Id&& o) noexcept : id_(o.id_), close_(o.close_) { o.id_ = -1; }
  H5Id& operator=(H5Id&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = o.id_;
      close_ = o.close_;
      o.id_ = -1;
    }
    return *this;
  }
  H5Id(const H5Id&) = delete;
  H5Id& operator=(const H5Id&) = delete;
  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }
  void reset() {
    if (id_ >= 0 && close_ != nullptr) close_(id_);
    id_ = -1;
  }

 private:
  hid_t id_ = -1;
  Closer close_ = nullptr;
};

/// A new HDF5 file held in memory (core driver without backing store): HDF5 itself never writes
/// to the disk, so a full disk or a write error is an ordinary OutputError from h5_save_image and
/// never leaves a half-closed file behind for HDF5's exit-time clean-up (which crashed). The cost
/// is the file's size in memory while it is written. `shown` names the output in messages.
H5Id h5_create_in_memory(const std::string& shown);
/// An existing HDF5 file read into memory for changes (as h5_create_in_memory; the file on disk
/// is not touched).
H5Id h5_open_in_memory(const std::string& path, const std::string& shown);
/// Flush the in-memory file and write its image to `path` (a temporary file of AtomicOutput),
/// checking every write; OutputError naming `shown` on failure (e.g. "disk full?").
void h5_save_image(hid_t file, const std::string& path, const std::string& shown);

/// Writing context: the output name for messages and the deflate level (0 = none).
struct H5Writer {
  std::string file;
  int compression_level = 1;
};

/// Reading context: the file name for messages.
struct H5Reader {
  std::string file;
};

/// Limits checked before any dataset or attribute is read into memory (docs/formats.md, "Limits
/// and encodings"): what a dataset declares must fit the file that holds it, so that a small file
/// cannot make irio allocate gigabytes.
struct H5Limits {
  /// Largest in-memory size of one numeric dataset (32 GiB: a dense 65 536 x 65 536 matrix).
  static constexpr std::uint64_t kMaxDatasetBytes = std::uint64_t{1} << 35;
  /// Largest in-memory size of one string dataset or attribute (labels, levels): 256 MiB.
  static constexpr std::uint64_t kMaxStringBytes = std::uint64_t{1} << 28;
  /// Largest size of one fixed-length string: 64 KiB (no label is longer).
  static constexpr std::uint64_t kMaxStringLength = std::uint64_t{1} << 16;
  /// Deflate cannot shrink data by more than 1032:1; declared bytes of a filtered (compressed)
  /// dataset above this multiple of the file size cannot all be stored in it.
  static constexpr std::uint64_t kMaxCompressionRatio = 1100;
};

/// Open an HDF5 file read-only. Throws InputError naming the file when it does not exist, is not
/// HDF5, or is truncated (with its size and the size its superblock declares) or corrupt.
/// `what` names the expected content in messages ("an irio table").
H5Id h5_open_read(const std::string& path, const std::string& what);

// --- object tests and groups ---
bool h5_exists(hid_t loc, const std::string& path);  ///< every component of path exists
bool h5_is_group(hid_t loc, const std::string& path);
H5Id h5_create_group(hid_t loc, const std::string& name, const H5Writer& w);
H5Id h5_open_group(hid_t loc, const std::string& name, const H5Reader& r);
/// Names of the members of a group, in creation or name order.
std::vector<std::string> h5_members(hid_t group);

// --- attributes ---
void h5_write_attr(hid_t obj, const std::string& name, const std::string& value, const H5Writer& w);
void h5_write_attr(hid_t obj, const std::string& name, const std::vector<std::string>& value, const H5Writer& w);
void h5_write_attr(hid_t obj, const std::string& name, std::int64_t value, const H5Writer& w);
void h5_write_attr(hid_t obj, const std::string& name, const std::vector<std::int64_t>& value, const H5Writer& w);
bool h5_has_attr(hid_t obj, const std::string& name);
/// A string attribute (scalar or the first element of an array); "" if absent.
std::string h5_read_string_attr(hid_t obj, const std::string& name, const H5Reader& r, const std::string& where);
std::vector<std::string> h5_read_strings_attr(hid_t obj, const std::string& name, const H5Reader& r,
                                              const std::string& where);
std::vector<std::int64_t> h5_read_ints_attr(hid_t obj, const std::string& name, const H5Reader& r,
                                            const std::string& where);

// --- datasets ---
void h5_write_strings(hid_t loc, const std::string& name, const std::vector<std::string>& v, const H5Writer& w);
void h5_write_ints(hid_t loc, const std::string& name, const std::vector<std::int32_t>& v, const H5Writer& w);
void h5_write_int64s(hid_t loc, const std::string& name, const std::vector<std::int64_t>& v, const H5Writer& w);
void h5_write_doubles(hid_t loc, const std::string& name, const double* v, std::size_t size, const H5Writer& w);
/// Row-major (rows, cols) dataset from an Eigen (column-major) matrix.
void h5_write_matrix(hid_t loc, const std::string& name, const tables::Matrix& M, const H5Writer& w);

/// Dimensions of a dataset. `path` is the full dataset path, used in messages.
std::vector<hsize_t> h5_dims(hid_t loc, const std::string& path, const H5Reader& r);
std::vector<std::string> h5_read_strings(hid_t loc, const std::string& path, const H5Reader& r);
std::vector<std::int64_t> h5_read_int64s(hid_t loc, const std::string& path, const H5Reader& r);
std::vector<double> h5_read_doubles(hid_t loc, const std::string& path, const H5Reader& r);
/// Number of elements of a numeric dataset (integers only with `integers`), after the checks of
/// H5Limits (what it declares against the limits and the size of the file) and before anything is
/// allocated; `mem_elem` is the size of one element in memory. With h5_read_*_into, a caller
/// reads a large dataset straight into memory it owns (e.g. a sparse matrix's own arrays).
std::size_t h5_checked_length(hid_t loc, const std::string& path, const H5Reader& r, std::size_t mem_elem,
                              bool integers);
/// Read a whole numeric dataset, converted to double / int64, into `out`, which holds
/// h5_checked_length(...) elements.
void h5_read_doubles_into(hid_t loc, const std::string& path, const H5Reader& r, double* out);
void h5_read_int64s_into(hid_t loc, const std::string& path, const H5Reader& r, std::int64_t* out);
/// A rank-2 (rows, cols) dataset as a matrix; a rank-1 dataset is read as one row.
tables::Matrix h5_read_matrix(hid_t loc, const std::string& path, const H5Reader& r);

}  // namespace irio::io::internal
