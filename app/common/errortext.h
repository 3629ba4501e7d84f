#pragma once

#include <QString>

namespace errortext {

/// A message a person understands for the exception in flight (call inside a catch block):
/// core's typed errors in plain words, anything else as "Something went wrong: ...".
[[nodiscard]] QString describeCurrentException();

} // namespace errortext
