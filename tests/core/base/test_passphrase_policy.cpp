// The one rule for new passphrases: at least 12 characters (code points) and at least 33 bits
// as libzxcvbn estimates them, with a message saying why and what would do.
#include "base/passphrase_policy.h"

#include <gtest/gtest.h>

using ledger::assessPassphrase;

TEST(PassphrasePolicy, ShortPassphrasesAreRefusedWithTheirLength) {
    const auto demo = assessPassphrase("demo");
    EXPECT_FALSE(demo.acceptable);
    EXPECT_EQ(demo.characters, 4u);
    EXPECT_EQ(demo.message, "too short: 4 characters, and a passphrase needs at least 12; three "
                            "or four unrelated words make a good one");
    EXPECT_FALSE(assessPassphrase("").acceptable);
    EXPECT_FALSE(assessPassphrase("Xq7#vB2!kP9").acceptable); // 11 characters, random or not
}

TEST(PassphrasePolicy, CharactersAreCodePointsNotBytes) {
    // 11 code points in 19 bytes: too short, whatever zxcvbn makes of the bytes.
    const auto accented = assessPassphrase("Zoë ünïcödé");
    EXPECT_EQ(accented.characters, 11u);
    EXPECT_FALSE(accented.acceptable);
    EXPECT_EQ(accented.message.rfind("too short: 11 characters", 0), 0u) << accented.message;
    const auto twelve = assessPassphrase("Zoë ünïcödés");
    EXPECT_EQ(twelve.characters, 12u);
    EXPECT_TRUE(twelve.acceptable) << twelve.message;
}

TEST(PassphrasePolicy, LongButGuessableIsRefusedWithTheEstimateAndAdvice) {
    for (const char* guessable : {"small council", "password1234", "zzzzzzzzzzzz", "123456789012",
                                  "zxcvbnm,./asdf", "19851985198519", "new passphrase"}) {
        const auto a = assessPassphrase(guessable);
        EXPECT_GE(a.characters, 12u) << guessable;
        EXPECT_LT(a.bits, 33.0) << guessable;
        EXPECT_FALSE(a.acceptable) << guessable;
        EXPECT_EQ(a.message.rfind("too easy to guess: about ", 0), 0u) << a.message;
        EXPECT_NE(a.message.find("needs at least 33 (about 10^10 guesses)"), std::string::npos)
            << a.message;
        EXPECT_NE(a.message.find("add another unusual word"), std::string::npos) << a.message;
    }
    EXPECT_EQ(assessPassphrase("small council").message,
              "too easy to guess: about 24 bits, and a passphrase needs at least 33 (about 10^10 "
              "guesses); it has common words or names; add another unusual word or two");
    EXPECT_NE(assessPassphrase("zxcvbnm,./asdf").message.find("keyboard patterns like qwerty;"),
              std::string::npos);
    EXPECT_NE(assessPassphrase("123456789012").message.find("; it has sequences like abc or 123;"),
              std::string::npos);
    const std::string repeats = "repeated characters or patterns";
    EXPECT_NE(assessPassphrase("zzzzzzzzzzzz").message.find("; it has " + repeats + ";"),
              std::string::npos);
    EXPECT_NE(assessPassphrase("19851985198519").message.find(repeats + " and dates or years;"),
              std::string::npos);
}

TEST(PassphrasePolicy, UnrelatedWordsAreAccepted) {
    for (const char* strong : {"kestrel marmalade orbit", "correct horse battery",
                               "small council ledger", "heron-quarry-velvet"}) {
        const auto a = assessPassphrase(strong);
        EXPECT_TRUE(a.acceptable) << strong << ": " << a.message;
        EXPECT_GE(a.bits, 33.0) << strong;
        EXPECT_EQ(a.message.rfind("strong enough: about ", 0), 0u) << a.message;
    }
    EXPECT_EQ(assessPassphrase("kestrel marmalade orbit").message,
              "strong enough: about 55 bits, at least 33 needed");
}

TEST(PassphrasePolicy, TheEstimateIsZxcvbnsAndStopsAtANul) {
    // The figure zxcvbn gives "small council" (24.08 bits), not a home-made count.
    EXPECT_NEAR(assessPassphrase("small council").bits, 24.08, 0.01);
    const std::string withNul("small council\0kestrel marmalade orbit", 37);
    EXPECT_NEAR(assessPassphrase(withNul).bits, 24.08, 0.01);
    EXPECT_FALSE(assessPassphrase(withNul).acceptable);
}
