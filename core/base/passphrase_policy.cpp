#include "base/passphrase_policy.h"

#include "base/checks.h"

#include <zxcvbn.h>

#include <cmath>
#include <memory>
#include <vector>

namespace ledger {

namespace {

/// What zxcvbn found that makes a passphrase guessable, in words, most common first.
std::string weaknesses(const ZxcMatch_t* matches) {
    bool words = false, repeats = false, sequences = false, keyboard = false, dates = false;
    for (const ZxcMatch_t* m = matches; m != nullptr; m = m->Next) {
        repeats = repeats || (static_cast<int>(m->Type) & static_cast<int>(MULTIPLE_MATCH)) != 0;
        switch (static_cast<int>(m->Type) & ~static_cast<int>(MULTIPLE_MATCH)) {
        case DICTIONARY_MATCH:
        case DICT_LEET_MATCH:
        case USER_MATCH:
        case USER_LEET_MATCH:
            words = true;
            break;
        case REPEATS_MATCH:
            repeats = true;
            break;
        case SEQUENCE_MATCH:
            sequences = true;
            break;
        case SPATIAL_MATCH:
            keyboard = true;
            break;
        case DATE_MATCH:
        case YEAR_MATCH:
            dates = true;
            break;
        default:
            break;
        }
    }
    std::vector<std::string> found;
    if (words) {
        found.emplace_back("common words or names");
    }
    if (repeats) {
        found.emplace_back("repeated characters or patterns");
    }
    if (sequences) {
        found.emplace_back("sequences like abc or 123");
    }
    if (keyboard) {
        found.emplace_back("keyboard patterns like qwerty");
    }
    if (dates) {
        found.emplace_back("dates or years");
    }
    std::string text;
    for (std::size_t i = 0; i < found.size(); ++i) {
        text += (i == 0 ? "" : i + 1 == found.size() ? " and " : ", ") + found[i];
    }
    return text;
}

} // namespace

PassphraseAssessment assessPassphrase(std::string_view passphrase) {
    PassphraseAssessment result;
    result.characters = codePoints(passphrase);
    // zxcvbn reads a C string: estimate up to the first NUL, which can only lower the figure.
    const std::string text(passphrase.substr(0, passphrase.find('\0')));
    ZxcMatch_t* info = nullptr;
    result.bits = ZxcvbnMatch(text.c_str(), nullptr, &info);
    const std::unique_ptr<ZxcMatch_t, void (*)(ZxcMatch_t*)> matches(info, ZxcvbnFreeInfo);
    const auto shownBits = static_cast<long>(std::floor(result.bits));

    if (result.characters < kMinPassphraseCharacters) {
        result.message = "too short: " + std::to_string(result.characters) +
                         (result.characters == 1 ? " character" : " characters") +
                         ", and a passphrase needs at least " +
                         std::to_string(kMinPassphraseCharacters) +
                         "; three or four unrelated words make a good one";
        return result;
    }
    if (result.bits < kMinPassphraseBits) {
        const std::string why = weaknesses(matches.get());
        result.message = "too easy to guess: about " + std::to_string(shownBits) +
                         " bits, and a passphrase needs at least " +
                         std::to_string(static_cast<int>(kMinPassphraseBits)) +
                         " (about 10^10 guesses)" + (why.empty() ? "" : "; it has " + why) +
                         "; add another unusual word or two";
        return result;
    }
    result.acceptable = true;
    result.message = "strong enough: about " + std::to_string(shownBits) + " bits, at least " +
                     std::to_string(static_cast<int>(kMinPassphraseBits)) + " needed";
    return result;
}

} // namespace ledger
