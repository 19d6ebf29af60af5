// SPDX-License-Identifier: MIT
// The process-wide notice handler.
#include "irio/io/notice.h"

#include <iostream>
#include <mutex>
#include <utility>

namespace irio::io {

namespace {

std::mutex& notice_mutex() {
  static std::mutex m;
  return m;
}

NoticeHandler& handler() {
  static NoticeHandler h = [](const std::string& m) { std::cerr << "irio: note: " << m << "\n"; };
  return h;
}

}  // namespace

NoticeHandler set_notice_handler(NoticeHandler h) {
  std::lock_guard<std::mutex> lock(notice_mutex());
  std::swap(handler(), h);
  return h;
}

void notice(const std::string& message) {
  std::lock_guard<std::mutex> lock(notice_mutex());
  if (handler()) handler()(message);
}

}  // namespace irio::io
