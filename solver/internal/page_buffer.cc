// SPDX-License-Identifier: MIT
// PageBuffer: anonymous mmap with MADV_HUGEPAGE (see page_buffer.h).
#include "irio/solver/internal/page_buffer.h"

#include <sys/mman.h>

#include <new>
#include <utility>

namespace irio::solver::internal {

PageBuffer::PageBuffer(std::size_t count) : count_(count), bytes_(count * sizeof(double)) {
  if (bytes_ == 0) return;
  void* p = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  (void)madvise(p, bytes_, MADV_HUGEPAGE);  // a hint: without THP the mapping still works
#endif
  data_ = static_cast<double*>(p);
}

PageBuffer::~PageBuffer() { release(); }

PageBuffer::PageBuffer(PageBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), count_(std::exchange(other.count_, 0)),
      bytes_(std::exchange(other.bytes_, 0)) {}

PageBuffer& PageBuffer::operator=(PageBuffer&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    count_ = std::exchange(other.count_, 0);
    bytes_ = std::exchange(other.bytes_, 0);
  }
  return *this;
}

void PageBuffer::release() {
  if (data_) munmap(data_, bytes_);
  data_ = nullptr;
  count_ = bytes_ = 0;
}

}  // namespace irio::solver::internal
