#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ledger {

/// The shortest new passphrase, in Unicode code points.
inline constexpr std::size_t kMinPassphraseCharacters = 12;
/// The least guessing entropy of a new passphrase, as zxcvbn estimates it (2^33 is about
/// 10^10 guesses).
inline constexpr double kMinPassphraseBits = 33.0;

/// How a passphrase chosen for a new ledger (or a new passphrase) measures up.
struct PassphraseAssessment {
    std::size_t characters = 0; ///< Unicode code points, not bytes
    double bits = 0;            ///< libzxcvbn's estimate: log2 of the guesses it would take
    bool acceptable = false;    ///< at least 12 characters and at least 33 bits
    /// For a person, without a capital or full stop: why it is refused and what would do
    /// ("too short: ..."), or how strong it is ("strong enough: ...").
    std::string message;
};

/// The one rule for new passphrases (CLI init, generate and passphrase change; the app's
/// create and its strength hint). Opening a ledger never applies it, nor does the demo.
[[nodiscard]] PassphraseAssessment assessPassphrase(std::string_view passphrase);

} // namespace ledger
