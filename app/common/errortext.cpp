#include "common/errortext.h"

#include "common/convert.h"

#include "base/error.h"
#include "postgres/pg.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

using convert::text;

namespace errortext {

namespace {
QString tr(const char* source) {
    return QCoreApplication::translate("Session", source);
}
} // namespace

QString describeCurrentException() {
    try {
        throw;
    } catch (const ledger::pg::AuthenticationFailed&) {
        // Before WrongPassphrase, which it also is.
        return tr("The server refused the login: check the user name in the address and the "
                  "password (or the password file, when the Password field is empty).");
    } catch (const ledger::pg::DatabaseMissing&) {
        return tr("The server has no database of that name. Check the address.");
    } catch (const ledger::pg::ServerUnreachable& e) {
        return tr("The server could not be reached. Check the address, and that the server "
                  "is running. (%1)")
            .arg(text(e.what()).trimmed());
    } catch (const ledger::NotPermitted&) {
        return tr("Your account may not do that on this server: ask the ledger's database "
                  "administrator if you need it.");
    } catch (const ledger::LedgerMissing&) {
        return tr("There is no ledger at that place. Check the file name, or create a new "
                  "ledger.");
    } catch (const ledger::NotALedger&) {
        return tr("That file (or database) is not a Practice Ledger ledger.");
    } catch (const ledger::WrongPassphrase&) {
        return tr("The passphrase is wrong, or the ledger file is damaged.");
    } catch (const ledger::NewerSchema&) {
        return tr("This ledger was saved by a newer version of Practice Ledger. Please update "
                  "the program to open it.");
    } catch (const ledger::OlderSchema&) {
        return tr("This ledger on the server was set up by an older version of Practice Ledger. "
                  "Its database administrator needs to upgrade it (practice-ledger-cli server "
                  "upgrade) before it can be opened.");
    } catch (const ledger::AlreadyExists& e) {
        // A file, a database's ledger, a login, an equipment category: core names which.
        return convert::sentence(e.what());
    } catch (const ledger::ValidationError& e) {
        QStringList lines;
        for (const ledger::FieldError& f : e.errors()) {
            lines << convert::sentence(f.message);
        }
        return lines.join(QLatin1Char('\n'));
    } catch (const ledger::ActionRefused& e) {
        // The rules' own words ("already booked", "session has started"), as a sentence.
        QString message = QString::fromStdString(e.what());
        if (!message.isEmpty()) {
            message[0] = message[0].toUpper();
        }
        return QObject::tr("Not recorded: %1.").arg(message);
    } catch (const ledger::Cancelled&) {
        return tr("Cancelled: nothing was changed.");
    } catch (const ledger::StaleRecord& e) {
        // Before Conflict, which it also is. The time in the computer's zone (UK time).
        const QDateTime at = QDateTime::fromString(text(e.at()), Qt::ISODate);
        if (e.actor().empty() || !at.isValid()) {
            return tr("Someone else saved this record after you opened it. Nothing was saved, "
                      "and your changes are still in the form: show their version to see what "
                      "changed, then make yours again.");
        }
        return tr("%1 saved this record at %2 on %3, after you opened it. Nothing was saved, "
                  "and your changes are still in the form: show their version to see what "
                  "changed, then make yours again.")
            .arg(text(e.actor()), at.toLocalTime().toString(QStringLiteral("HH:mm")),
                 at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy")));
    } catch (const ledger::Conflict& e) {
        return text(e.what());
    } catch (const ledger::CompanionFileProblem& e) {
        return text(e.what()); // names the file beside the ledger and what to do
    } catch (const ledger::LedgerDamaged& e) {
        return text(e.what()); // says where and to restore a backup copy
    } catch (const std::exception& e) {
        return tr("Something went wrong: %1").arg(text(e.what()));
    }
}

} // namespace errortext
