// SPDX-License-Identifier: MIT
// A large zero-filled array of doubles mapped straight from the kernel, with transparent huge
// pages requested (madvise). A dense n x n factor at n = 4000 is 128 MB: with 4 KiB pages its
// first touch costs 32 768 page faults, a third of a second on the virtual machines measured in
// docs/performance.md; with 2 MiB pages it costs 64.
#pragma once

#include <cstddef>

namespace irio::solver::internal {

class PageBuffer {
 public:
  PageBuffer() = default;
  /// `count` doubles, all zero. Throws std::bad_alloc when the mapping fails.
  explicit PageBuffer(std::size_t count);
  ~PageBuffer();
  PageBuffer(const PageBuffer&) = delete;
  PageBuffer& operator=(const PageBuffer&) = delete;
  PageBuffer(PageBuffer&& other) noexcept;
  PageBuffer& operator=(PageBuffer&& other) noexcept;

  double* data() { return data_; }
  const double* data() const { return data_; }
  std::size_t size() const { return count_; }

 private:
  void release();
  double* data_ = nullptr;
  std::size_t count_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace irio::solver::internal
