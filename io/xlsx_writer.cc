// SPDX-License-Identifier: MIT
// XlsxWriter: libxlsxwriter behind a small C++ class, with atomic (temp file + rename) output.
#include "irio/io/xlsx_writer.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "irio/tables/error.h"

namespace irio::io {

struct XlsxWriter::Impl {
  std::string path, tmp_path;
  lxw_workbook* book = nullptr;
  std::vector<lxw_worksheet*> sheets;
  bool closed = false;
};

namespace {
void check(lxw_error e, const std::string& path, const std::string& what) {
  if (e != LXW_NO_ERROR)
    throw OutputError(path + ": cannot " + what + ": " + lxw_strerror(e));
}
}  // namespace

XlsxWriter::XlsxWriter(const std::string& path, const XlsxWriterOptions& opt)
    : impl_(std::make_unique<Impl>()) {
  namespace fs = std::filesystem;
  impl_->path = path;
  std::error_code ec;
  if (!opt.overwrite && fs::exists(path, ec))
    throw OutputError(path + ": file exists (use --force / overwrite to replace it)");
  impl_->tmp_path = path + ".tmp-irio.xlsx";
  lxw_workbook_options o{};
  o.constant_memory = opt.constant_memory ? LXW_TRUE : LXW_FALSE;
  o.tmpdir = nullptr;
  o.use_zip64 = LXW_TRUE;
  impl_->book = workbook_new_opt(impl_->tmp_path.c_str(), &o);
  if (!impl_->book) throw OutputError(path + ": cannot create the workbook");
}

XlsxWriter::~XlsxWriter() {
  if (impl_ && impl_->book && !impl_->closed) {
    // libxlsxwriter has no "discard": write the temporary file, then remove it.
    workbook_close(impl_->book);
    std::remove(impl_->tmp_path.c_str());
  }
}

std::size_t XlsxWriter::add_sheet(const std::string& name) {
  lxw_error e = workbook_validate_sheet_name(impl_->book, name.c_str());
  check(e, impl_->path, "add sheet '" + name + "'");
  lxw_worksheet* ws = workbook_add_worksheet(impl_->book, name.c_str());
  if (!ws) throw OutputError(impl_->path + ": cannot add sheet '" + name + "'");
  impl_->sheets.push_back(ws);
  return impl_->sheets.size() - 1;
}

void XlsxWriter::write_number(std::size_t sheet, std::size_t row, std::size_t col, double value) {
  if (!std::isfinite(value)) return;
  check(worksheet_write_number(impl_->sheets.at(sheet), static_cast<lxw_row_t>(row),
                               static_cast<lxw_col_t>(col), value, nullptr),
        impl_->path, "write a number");
}

void XlsxWriter::write_string(std::size_t sheet, std::size_t row, std::size_t col,
                              const std::string& text) {
  check(worksheet_write_string(impl_->sheets.at(sheet), static_cast<lxw_row_t>(row),
                               static_cast<lxw_col_t>(col), text.c_str(), nullptr),
        impl_->path, "write a string");
}

void XlsxWriter::write_boolean(std::size_t sheet, std::size_t row, std::size_t col, bool value) {
  check(worksheet_write_boolean(impl_->sheets.at(sheet), static_cast<lxw_row_t>(row),
                                static_cast<lxw_col_t>(col), value ? 1 : 0, nullptr),
        impl_->path, "write a boolean");
}

void XlsxWriter::close() {
  impl_->closed = true;
  lxw_error e = workbook_close(impl_->book);
  impl_->book = nullptr;
  if (e != LXW_NO_ERROR) {
    std::remove(impl_->tmp_path.c_str());
    throw OutputError(impl_->path + ": cannot write the workbook: " + lxw_strerror(e));
  }
  std::error_code ec;
  std::filesystem::rename(impl_->tmp_path, impl_->path, ec);
  if (ec) {
    std::remove(impl_->tmp_path.c_str());
    throw OutputError(impl_->path + ": cannot move the workbook into place: " + ec.message());
  }
}

}  // namespace irio::io
