// SPDX-License-Identifier: MIT
// Notices: things irio did on its own that the user should know about, such as converting an
// input file from GB18030 to UTF-8. Not errors: reading goes on.
#pragma once

#include <functional>
#include <string>

namespace irio::io {

/// Receives one notice (a full sentence naming the file).
using NoticeHandler = std::function<void(const std::string&)>;

/// Replace the handler and return the previous one. The default prints "irio: note: <message>"
/// on stderr; an empty handler drops notices.
NoticeHandler set_notice_handler(NoticeHandler handler);

/// Pass a notice to the current handler (thread-safe).
void notice(const std::string& message);

}  // namespace irio::io
