#pragma once

// A ledger file as an earlier version of the program wrote it, for the schema-step tests:
// the file's cipher settings, schema steps 1 to `version`, the rows given, and that version in
// `user_version`, all in one transaction.

#include "sqlcipher/sqlcipher_store.h"

#include <gtest/gtest.h>
#include <sqlcipher/sqlite3.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace ledger::test {

inline void writeLedgerAtVersion(const std::filesystem::path& path, std::string_view passphrase,
                                 int version, std::string_view rows) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string setup = "PRAGMA key = '" + std::string(passphrase) +
                        "'; PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096; "
                        "PRAGMA application_id = " +
                        std::to_string(SqlCipherStore::kApplicationId) + "; BEGIN;";
    for (int step = 1; step <= version; ++step) {
        setup += std::string(SqlCipherStore::schemaStep(step));
    }
    setup += std::string(rows) + "PRAGMA user_version = " + std::to_string(version) + "; COMMIT;";
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, setup.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
}

} // namespace ledger::test
