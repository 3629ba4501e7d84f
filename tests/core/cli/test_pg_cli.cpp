// practice-ledger-cli on a ledger that lives on a PostgreSQL server: `server` commands, the
// same reports as a ledger file byte for byte, and each account confined to its scope, with
// the contract's exit statuses.

#include "archive/ledger_archive.h"
#include "archive/sealed_file.h"
#include "cli/cli_runner.h"
#include "postgres/pg_test_cluster.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <istream>
#include <iterator>
#include <sstream>
#include <string>

namespace ledger::test {
namespace {

const std::string kData = LEDGER_TEST_DATA;

class PgServerCli : public PgClusterTest {
protected:
    /// A new database, its ledger made by `server init` through the CLI.
    std::string newLedger() {
        const std::string db = createDatabase();
        scratch().trackLedgerRoles(db);
        const Result r = admin(db, {"server", "init"});
        EXPECT_EQ(r.status, 0) << r.err;
        return db;
    }
    /// The CLI on `db` as its administrator (password from its pgpass file).
    Result admin(const std::string& db, std::vector<std::string> args) {
        args.insert(args.begin(), {"--ledger", scratch().uri(db)});
        return m_cli(args);
    }
    /// The CLI on `db` as `login`, typing `password` when asked.
    Result as(const std::string& db, const std::string& login, const std::string& password,
              std::vector<std::string> args) {
        Cli cli = m_cli;
        cli.typed = password;
        args.insert(args.begin(), {"--ledger", scratch().uri(db, login)});
        return cli(args);
    }
    std::string file(const std::string& name, const std::string& text) {
        const auto path = m_dir / name;
        writeAll(path, text);
        std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                               std::filesystem::perms::owner_write);
        return path.string();
    }

    ScratchDir m_dir;
    Cli m_cli;
};

TEST_F(PgServerCli, ReportsOnAServerMatchTheSameLedgerInAFileByteForByte) {
    const std::string db = newLedger();
    EXPECT_EQ(admin(db, {"server", "init"}).status, 2); // one ledger per database
    const std::string fileLedger = (m_dir / "council.ledger").string();
    const std::string pass = file("pass", "small council ledger\n");
    const auto onFile = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--ledger", fileLedger, "--passphrase-file", pass});
        return m_cli(args);
    };
    ASSERT_EQ(onFile({"init"}).status, 0);
    for (const char* kind : {"staff", "modules", "requirements", "completions"}) {
        const std::string csv = kData + "/small-council/" + kind + ".csv";
        const Result server = admin(db, {"import", kind, csv});
        ASSERT_EQ(server.status, 0) << server.err;
        EXPECT_EQ(server.out, onFile({"import", kind, csv}).out);
    }
    for (const char* asOf : {"2025-06-30", "2026-11-25"}) {
        for (const char* by : {"team", "staff"}) {
            const Result server = admin(db, {"report", "coverage", "--by", by, "--as-of", asOf});
            ASSERT_EQ(server.status, 0) << server.err;
            EXPECT_EQ(server.out, onFile({"report", "coverage", "--by", by, "--as-of", asOf}).out)
                << by << " " << asOf;
        }
    }
    EXPECT_EQ(admin(db, {"check"}).status, 0);
}

TEST_F(PgServerCli, EachAccountSeesAndWritesOnlyItsScope) {
    const std::string db = newLedger();
    ASSERT_EQ(admin(db, {"import", "modules", kData + "/small-council/modules.csv"}).status, 0);
    const std::string staff = file(
        "staff.csv", "employee_id,full_name,email,team,role,start_date,leave_date,line_manager_id\n"
                     "L,Lee Lead,,Office,Head of Service,2019-01-07,,\n"
                     "M1,Mo One,,East,Team Manager,2019-01-07,,L\n"
                     "A,Ann,,East,Social Worker,2020-01-06,,M1\n"
                     "A1,Ash,,East,Social Worker,2021-01-04,,A\n"
                     "M2,Max Two,,West,Team Manager,2019-01-07,,L\n"
                     "C,Cy,,West,Social Worker,2020-01-06,,M2\n");
    ASSERT_EQ(admin(db, {"import", "staff", staff}).status, 0);
    const std::string rules =
        file("rules.csv", "module,scope,value,due_within_days,effective_from\nMCA,all,,90,\n");
    ASSERT_EQ(admin(db, {"import", "requirements", rules}).status, 0);
    const std::string password = file("password", "a long manager password 2026\n");
    const std::string m1 = db + "_m1";
    const std::string a1 = db + "_a1";
    scratch().trackRole(m1);
    scratch().trackRole(a1);
    Result r = admin(db, {"server", "add-account", "M1", "--login", m1, "--access", "manager",
                          "--password-file", password});
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_EQ(admin(db, {"server", "add-account", "A1", "--login", a1, "--access", "staff",
                         "--password-file", password})
                  .status,
              0);
    EXPECT_EQ(admin(db, {"server", "add-account", "NOBODY", "--login", db + "_x", "--access",
                         "staff", "--password-file", password})
                  .status,
              2);
    r = admin(db, {"server", "list-accounts"});
    EXPECT_NE(r.out.find(m1), std::string::npos);
    EXPECT_NE(r.out.find("manager"), std::string::npos);
    EXPECT_EQ(admin(db, {"server", "set-access", db + "_nobody", "--access", "staff"}).status, 2);

    const std::string secret = "a long manager password 2026";
    // The manager's coverage by staff lists exactly their tree (M1, A, A1).
    r = as(db, m1, secret, {"report", "coverage", "--by", "staff", "--format", "csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    std::vector<std::string> people;
    for (const char* id : {"L", "M1", "A", "A1", "M2", "C"}) {
        if (r.out.find("\n" + std::string(id) + ",") != std::string::npos) {
            people.emplace_back(id);
        }
    }
    EXPECT_EQ(people, (std::vector<std::string>{"M1", "A", "A1"})) << r.out;
    // So do their expiring list and their trend (issue 12, item 7): the server returns only
    // the tree's rows, so every report made from them covers the tree; the administrator's
    // cover everyone. Nobody has done MCA, so everyone required is overdue.
    const auto expiringIds = [&](const Result& report) {
        std::vector<std::string> ids;
        for (const char* id : {"L", "M1", "A", "A1", "M2", "C"}) {
            if (report.out.find("," + std::string(id) + ",") != std::string::npos) {
                ids.emplace_back(id);
            }
        }
        return ids;
    };
    r = as(db, m1, secret, {"report", "expiring", "--as-of", "2026-11-25", "--format", "csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(expiringIds(r), (std::vector<std::string>{"M1", "A", "A1"})) << r.out;
    r = admin(db, {"report", "expiring", "--as-of", "2026-11-25", "--format", "csv"});
    EXPECT_EQ(expiringIds(r), (std::vector<std::string>{"L", "M1", "A", "A1", "M2", "C"})) << r.out;
    r = as(db, m1, secret,
           {"report", "trend", "--from", "2026-10", "--to", "2026-10", "--format", "csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "month_end,required,compliant,due_soon,overdue,not_yet_due,coverage_percent\n"
                     "2026-10-31,3,0,0,3,0,0.0\n");
    r = admin(db, {"report", "trend", "--from", "2026-10", "--to", "2026-10", "--format", "csv"});
    EXPECT_EQ(r.out, "month_end,required,compliant,due_soon,overdue,not_yet_due,coverage_percent\n"
                     "2026-10-31,6,0,0,6,0,0.0\n");
    // Recording for the tree works; for anyone else the import is refused, naming the row.
    const std::string mine =
        file("mine.csv", "employee_id,module,completed_on,expires_on,evidence\n"
                         "A1,MCA,2026-10-01,,\n");
    r = as(db, m1, secret, {"import", "completions", mine});
    EXPECT_EQ(r.status, 0) << r.err;
    const std::string theirs = file(
        "theirs.csv", "employee_id,module,completed_on,expires_on,evidence\nC,MCA,2026-10-01,,\n");
    r = as(db, m1, secret, {"import", "completions", theirs});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(theirs + ":2: employee_id:"), std::string::npos) << r.err;
    // A staff account writes nothing (exit 4, a clear message) and sees only itself.
    r = as(db, a1, secret, {"import", "completions", mine});
    EXPECT_EQ(r.status, 4);
    EXPECT_NE(r.err.find("not permitted"), std::string::npos) << r.err;
    r = as(db, a1, secret, {"report", "coverage", "--by", "staff", "--format", "csv"});
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("\nA1,"), std::string::npos);
    EXPECT_EQ(r.out.find("\nA,"), std::string::npos);
    // (A1's MCA, recorded above, falls due within ten years.)
    r = as(db, a1, secret,
           {"report", "expiring", "--as-of", "2026-11-25", "--within", "3650", "--format", "csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(expiringIds(r), (std::vector<std::string>{"A1"})) << r.out;
    // A wrong password cannot open (3); no terminal and no password cannot either (1).
    EXPECT_EQ(as(db, m1, "wrong password", {"check"}).status, 3);
    Cli noTerminal = m_cli;
    EXPECT_EQ(noTerminal({"--ledger", scratch().uri(db, m1), "check"}).status, 1);
    // Moved to staff access, the manager's tree is gone; removed, the login cannot sign in.
    ASSERT_EQ(admin(db, {"server", "set-access", m1, "--access", "staff"}).status, 0);
    r = as(db, m1, secret, {"report", "coverage", "--by", "staff", "--format", "csv"});
    EXPECT_EQ(r.out.find("\nA,"), std::string::npos);
    ASSERT_EQ(admin(db, {"server", "remove-account", m1}).status, 0);
    EXPECT_EQ(as(db, m1, secret, {"check"}).status, 3);
    EXPECT_EQ(admin(db, {"server", "remove-account", m1}).status, 2);
}

TEST_F(PgServerCli, AServerAddressIsRefusedWhereItCannotWork) {
    const std::string db = newLedger();
    const std::string uri = scratch().uri(db);
    // A password in the address: readable by others on a command line.
    EXPECT_EQ(m_cli({"--ledger", "postgresql://u:secret@localhost/x", "check"}).status, 1);
    EXPECT_EQ(m_cli({"--ledger", uri, "--passphrase-file", file("p", "x\n"), "check"}).status, 1);
    EXPECT_EQ(m_cli({"--ledger", uri, "--as", "someone", "check"}).status, 1);
    EXPECT_EQ(m_cli({"--ledger", uri, "init"}).status, 1);
    EXPECT_EQ(m_cli({"--ledger", (m_dir / "file.ledger").string(), "server", "init"}).status, 1);
    // An empty database holds no ledger (3); a remote host without TLS is warned about.
    const std::string empty = createDatabase();
    EXPECT_EQ(m_cli({"--ledger", scratch().uri(empty), "check"}).status, 3);
    const Result remote =
        m_cli({"--ledger", "postgresql://nobody@192.0.2.1:1/x?connect_timeout=1", "check"});
    EXPECT_EQ(remote.status, 3);
    EXPECT_NE(remote.err.find("warning"), std::string::npos) << remote.err;
}

} // namespace
} // namespace ledger::test

namespace ledger::test {
namespace {

/// The section of the golden reports under `title` ("== report ...").
std::string goldenSection(const std::string& title) {
    const std::string all = readAll(kData + "/archives/demo-v1.reports.txt");
    const std::size_t at = all.find("== " + title + "\n");
    EXPECT_NE(at, std::string::npos) << title;
    const std::size_t from = all.find('\n', at) + 1;
    const std::size_t to = all.find("\n== ", from);
    return all.substr(from, to == std::string::npos ? std::string::npos : to + 1 - from);
}

// The golden archive (written from a ledger file) restored into an empty server ledger gives
// the same reports; archived again from the server, it holds the same rows; a server that
// holds records, or an account that does not see the whole ledger, is refused.
TEST_F(PgServerCli, AnArchiveRestoresIntoAnEmptyServerAndComesBackTheSame) {
    const std::string golden = kData + "/archives/demo-v1.plarchive";
    m_cli.vars["PRACTICE_LEDGER_ARCHIVE_PASSPHRASE"] = "golden archive passphrase 2026";
    const std::string db = newLedger();
    Result r = admin(db, {"archive", "import", golden});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.rfind("restored ", 0), 0u) << r.out;
    for (const std::vector<std::string>& report :
         {std::vector<std::string>{"report", "coverage", "--by", "team", "--as-of", "2026-11-25",
                                   "--format", "csv"},
          std::vector<std::string>{"report", "cpd", "--as-of", "2026-11-25", "--format", "csv"},
          std::vector<std::string>{"report", "bookings", "--from", "2025-11-26", "--to",
                                   "2026-11-25", "--format", "csv"},
          std::vector<std::string>{"report", "apprenticeships", "--as-of", "2026-11-25", "--format",
                                   "csv"}}) {
        std::string title = "report";
        for (std::size_t i = 1; i < report.size(); ++i) {
            title += " " + report[i];
        }
        r = admin(db, report);
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(r.out, goldenSection(title)) << title;
    }
    EXPECT_EQ(admin(db, {"archive", "import", golden}).status, 2); // it holds records now

    const std::string again = (m_dir / "from-server.plarchive").string();
    r = admin(db, {"archive", "export", again});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto payload = [](const std::string& path) {
        std::string bytes;
        archive::readSealedFile(
            path, "golden archive passphrase 2026", nullptr,
            [&](std::istream& in) { bytes.assign(std::istreambuf_iterator<char>(in), {}); });
        return bytes;
    };
    // Row by row the same (the heads differ only in the schema version of the engine each was
    // written from).
    const auto rowsOf = [](const std::string& bytes) {
        std::vector<std::string> rows;
        std::istringstream in(bytes);
        archive::PayloadReader reader(in);
        TableColumns table;
        RawRow row;
        while (reader.nextTable(table)) {
            while (reader.nextRow(row)) {
                std::string line = table.table + ":";
                for (const auto& value : row) {
                    line += value ? " [" + *value + "]" : " NULL";
                }
                rows.push_back(line);
            }
        }
        return rows;
    };
    const std::vector<std::string> fromFile = rowsOf(payload(golden));
    const std::vector<std::string> fromServer = rowsOf(payload(again));
    ASSERT_EQ(fromServer.size(), fromFile.size());
    for (std::size_t i = 0; i < fromFile.size(); ++i) {
        ASSERT_EQ(fromServer[i], fromFile[i]) << "row " << i;
    }

    // A manager sees only their tree: they may not archive the ledger as if it were whole.
    const std::string password = file("password", "a long manager password 2026\n");
    const std::string login = db + "_lead";
    scratch().trackRole(login);
    ASSERT_EQ(admin(db, {"server", "add-account", "E00001", "--login", login, "--access", "manager",
                         "--password-file", password})
                  .status,
              0);
    r = as(db, login, "a long manager password 2026",
           {"archive", "export", (m_dir / "manager.plarchive").string()});
    EXPECT_EQ(r.status, 4) << r.err;
    EXPECT_FALSE(std::filesystem::exists(m_dir / "manager.plarchive"));
}

} // namespace
} // namespace ledger::test
