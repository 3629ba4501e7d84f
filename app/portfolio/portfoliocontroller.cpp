#include "portfolio/portfoliocontroller.h"

#include "common/convert.h"

#include "archive/portfolio.h"
#include "base/passphrase_policy.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <map>

#include <memory>

using convert::text;
using convert::uk;

namespace {

/// "1 completion", "3 completions": `many` takes the number as %1.
QString counted(std::size_t n, const QString& one, const QString& many) {
    return n == 1 ? one : many.arg(n);
}

/// A field's name as a person reads it, in a conflict's "differs in".
QString fieldWords(const std::string& name) {
    static const std::map<std::string, const char*> kWords{
        {"expires_on", QT_TRANSLATE_NOOP("PortfolioController", "expiry date")},
        {"voided", QT_TRANSLATE_NOOP("PortfolioController", "whether it is voided")},
        {"peer_reflection", QT_TRANSLATE_NOOP("PortfolioController", "peer reflection")},
        {"themes", QT_TRANSLATE_NOOP("PortfolioController", "audit themes")},
        {"certificates", QT_TRANSLATE_NOOP("PortfolioController", "certificates")},
        {"evidence", QT_TRANSLATE_NOOP("PortfolioController", "evidence")},
    };
    const auto found = kWords.find(name);
    return found != kWords.end() ? QCoreApplication::translate("PortfolioController", found->second)
                                 : text(name).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString itemWords(const ledger::archive::PortfolioItem& item) {
    using Kind = ledger::archive::PortfolioItem::Kind;
    const bool completion = item.kind == Kind::Completion;
    QString out =
        completion
            ? PortfolioController::tr("Completion of %1 (%2) on %3")
                  .arg(item.title.empty() ? text(item.moduleCode) : text(item.title),
                       text(item.moduleCode), uk(item.date))
            : PortfolioController::tr("CPD entry “%1” on %2").arg(text(item.title), uk(item.date));
    if (item.voided) {
        out += PortfolioController::tr(", voided");
    }
    if (item.draft) {
        out += PortfolioController::tr(", a draft");
    }
    if (item.files > 0) {
        out += completion ? counted(item.files, PortfolioController::tr(", with 1 certificate"),
                                    PortfolioController::tr(", with %1 certificates"))
                          : counted(item.files, PortfolioController::tr(", with 1 evidence file"),
                                    PortfolioController::tr(", with %1 evidence files"));
    }
    if (!item.differences.empty()) {
        QStringList fields;
        for (const std::string& f : item.differences) {
            fields << fieldWords(f);
        }
        out += PortfolioController::tr(": the record here differs in %1").arg(fields.join(", "));
    }
    return out;
}

QVariantMap row(const QString& kind, const QString& words, const char* tone) {
    return QVariantMap{{QStringLiteral("kind"), kind},
                       {QStringLiteral("text"), words},
                       {QStringLiteral("tone"), QString::fromLatin1(tone)}};
}

/// What a check found, in words, the way in first.
QList<QVariantMap> itemRows(const ledger::archive::PortfolioPlan& plan) {
    QList<QVariantMap> rows;
    for (const auto& [code, count] : plan.unmatchedModules) {
        rows << row(PortfolioController::tr("Unmatched module"),
                    PortfolioController::tr("No module here has the code %1 (%2)")
                        .arg(text(code), counted(count, PortfolioController::tr("1 completion"),
                                                 PortfolioController::tr("%1 completions"))),
                    "overdue");
    }
    for (const auto& item : plan.conflicts) {
        rows << row(PortfolioController::tr("Conflict"), itemWords(item), "overdue");
    }
    for (const ledger::FieldError& e : plan.problems) {
        rows << row(PortfolioController::tr("Problem"),
                    convert::sentence(ledger::formatFieldError(e)), "overdue");
    }
    for (const std::string& theme : plan.droppedThemes) {
        rows << row(PortfolioController::tr("Left out"),
                    PortfolioController::tr("Audit theme %1 is not in this ledger: its entries "
                                            "come in without it")
                        .arg(text(theme)),
                    "due_soon");
    }
    for (const auto& item : plan.toAdd) {
        rows << row(PortfolioController::tr("To add"), itemWords(item), "compliant");
    }
    for (const auto& item : plan.alreadyThere) {
        rows << row(PortfolioController::tr("Already there"), itemWords(item), "not_yet_due");
    }
    return rows;
}

QList<QVariantMap> historyRows(const ledger::archive::PortfolioPlan& plan) {
    QList<QVariantMap> rows;
    const auto add = [&](const QString& kind, const QString& words) {
        rows << QVariantMap{{QStringLiteral("kind"), kind}, {QStringLiteral("text"), words}};
    };
    for (const auto& s : plan.sessions) {
        // The start is Europe/London wall-clock text YYYY-MM-DDTHH:MM.
        const std::string day = s.session.startsAt.substr(0, 10);
        add(PortfolioController::tr("Session attended"),
            PortfolioController::tr("“%1” on %2%3")
                .arg(text(s.session.title), uk(ledger::parseIsoDate(day)),
                     s.session.organisation.empty()
                         ? QString()
                         : PortfolioController::tr(", %1").arg(text(s.session.organisation))));
    }
    if (plan.asye) {
        add(PortfolioController::tr("ASYE"),
            PortfolioController::tr("Enrolled from %1").arg(uk(plan.asye->start)));
    }
    for (const auto& a : plan.apprenticeships) {
        add(PortfolioController::tr("Apprenticeship"),
            PortfolioController::tr("%1 %2 with %3, from %4")
                .arg(text(a.standardCode), text(a.standardTitle), text(a.provider),
                     uk(a.startDate)));
    }
    return rows;
}

} // namespace

PortfolioController::PortfolioController(QObject* parent)
    : TaskController(parent),
      m_items(new VariantListModel(
          {QStringLiteral("kind"), QStringLiteral("text"), QStringLiteral("tone")}, this)),
      m_history(new VariantListModel({QStringLiteral("kind"), QStringLiteral("text")}, this)) {
}

PortfolioController::~PortfolioController() {
    stopTask(); // the task's end calls back here
}

void PortfolioController::sessionSet() {
    emit employeeIdChanged();
    emit stateChanged();
}

void PortfolioController::setEmployeeId(const QString& employeeId) {
    if (employeeId == m_employeeId) {
        return;
    }
    m_employeeId = employeeId;
    emit employeeIdChanged();
    if (!busy()) {
        setExport(QStringLiteral("idle"), {});
    }
}

QString PortfolioController::personName() const {
    return nameOf(m_employeeId);
}

QString PortfolioController::nameOf(const QString& employeeId) const {
    if (!session() || !session()->data()) {
        return {};
    }
    const std::string id = text(employeeId.trimmed());
    for (const ledger::Staff& s : session()->data()->staff) {
        if (s.employeeId == id) {
            return text(s.fullName);
        }
    }
    return {};
}

void PortfolioController::setFileUrl(const QUrl& url) {
    if (url == m_fileUrl) {
        return;
    }
    m_fileUrl = url;
    emit fileChanged();
    m_items->setRows({});
    m_history->setRows({});
    setImport(QStringLiteral("idle"), {});
}

QString PortfolioController::fileName() const {
    return m_fileUrl.isEmpty() ? QString() : QFileInfo(m_fileUrl.toLocalFile()).fileName();
}

void PortfolioController::setAsEmployeeId(const QString& employeeId) {
    if (employeeId == m_asEmployeeId) {
        return;
    }
    m_asEmployeeId = employeeId;
    emit fileChanged();
    // What was checked was for someone else: check again before importing.
    m_items->setRows({});
    setImport(QStringLiteral("idle"), {});
}

bool PortfolioController::canImport() const {
    return m_clean && !busy() && m_importState == QLatin1String("checked") && session() &&
           !session()->readOnly();
}

QString PortfolioController::passphraseProblem(const QString& passphrase,
                                               const QString& again) const {
    if (passphrase.isEmpty()) {
        return tr("Type a passphrase for the portfolio: whoever opens it will need it.");
    }
    const ledger::PassphraseAssessment assessment = ledger::assessPassphrase(text(passphrase));
    if (!assessment.acceptable) {
        return tr("The passphrase is %1").arg(convert::sentence(assessment.message));
    }
    if (again != passphrase) {
        return tr("The two passphrases differ.");
    }
    return {};
}

void PortfolioController::setExport(const QString& state, const QString& summary) {
    m_exportState = state;
    m_exportSummary = summary;
    emit stateChanged();
}

void PortfolioController::setImport(const QString& state, const QString& summary) {
    m_importState = state;
    m_importSummary = summary;
    if (state != QLatin1String("checked")) {
        m_clean = false;
    }
    emit stateChanged();
}

bool PortfolioController::start(const QString& title,
                                const std::function<void(const ledger::Progress&)>& job,
                                const std::function<void(TaskOutcome, const QString&)>& done) {
    const bool started = startTask(
        title, true,
        [job](const ledger::Progress& progress) -> std::function<void()> {
            job(progress);
            return {};
        },
        [this, done](TaskOutcome outcome, const QString& message) {
            done(outcome, message); // run only while this controller is (TaskController)
            emit finished();
        });
    emit stateChanged(); // busy
    return started;
}

void PortfolioController::save(const QUrl& url, const QString& passphrase) {
    if (busy() || !session() || !session()->ledgerForTask()) {
        return;
    }
    // A plain path is taken as one; another scheme (a remote place) is not a file here.
    const QString path = url.isLocalFile()        ? url.toLocalFile()
                         : url.scheme().isEmpty() ? url.path()
                                                  : QString();
    if (path.isEmpty()) {
        setExport(QStringLiteral("failed"), tr("Choose a file to save the portfolio to."));
        return;
    }
    if (const QString problem = passphraseProblem(passphrase, passphrase); !problem.isEmpty()) {
        setExport(QStringLiteral("failed"), problem);
        return;
    }
    const std::string id = text(m_employeeId.trimmed());
    const std::string file = text(path);
    const std::string secret = text(passphrase);
    const ledger::Date today = session()->todayDate();
    ledger::Ledger* ledger = session()->ledgerForTask();
    const QString name = QFileInfo(path).fileName();
    const QString who = personName().isEmpty() ? m_employeeId.trimmed()
                                               : tr("%1 (%2)").arg(personName(), m_employeeId);
    auto counts = std::make_shared<ledger::archive::PortfolioCounts>();
    setExport(QStringLiteral("saving"), {});
    const bool started = start(
        tr("Saving the portfolio of %1…").arg(who),
        [=](const ledger::Progress& progress) {
            *counts = ledger->portfolios().exportPortfolio(id, file, secret, today, &progress);
        },
        [this, counts, name, who](TaskOutcome outcome, const QString& message) {
            if (outcome == TaskOutcome::Cancelled) {
                setExport(QStringLiteral("cancelled"), tr("Cancelled: no file was written."));
            } else if (outcome == TaskOutcome::Failed) {
                setExport(QStringLiteral("failed"), tr("Not saved: %1").arg(message));
            } else {
                setExport(
                    QStringLiteral("saved"),
                    tr("Saved the portfolio of %1 to %2: %3 and %4, read back whole.")
                        .arg(who, name,
                             counted(counts->completions, tr("1 completion"), tr("%1 completions")),
                             counted(counts->cpdEntries, tr("1 CPD entry"), tr("%1 CPD entries"))));
            }
        });
    if (!started) {
        setExport(QStringLiteral("failed"),
                  tr("%1 Wait for it to finish.").arg(session()->tasks()->title()));
    }
}

void PortfolioController::check(const QString& passphrase) {
    startImport(passphrase, true);
}

void PortfolioController::runImport(const QString& passphrase) {
    if (canImport()) {
        startImport(passphrase, false);
    }
}

void PortfolioController::startImport(const QString& passphrase, bool dryRun) {
    if (busy() || !session() || !session()->ledgerForTask()) {
        return;
    }
    if (m_fileUrl.isEmpty()) {
        setImport(QStringLiteral("failed"), tr("Choose a portfolio file to bring in."));
        return;
    }
    if (passphrase.isEmpty()) {
        setImport(QStringLiteral("failed"), tr("Type the portfolio's passphrase."));
        return;
    }
    ledger::archive::PortfolioImportOptions options;
    options.asEmployeeId = text(m_asEmployeeId.trimmed());
    options.dryRun = dryRun;
    options.today = session()->todayDate();
    options.actor = session()->actorName();
    options.fileName = text(fileName());
    const std::string file = text(m_fileUrl.toLocalFile());
    const std::string secret = text(passphrase);
    ledger::Ledger* ledger = session()->ledgerForTask();
    auto plan = std::make_shared<ledger::archive::PortfolioPlan>();
    setImport(dryRun ? QStringLiteral("checking") : QStringLiteral("importing"), {});
    const bool started = start(
        dryRun ? tr("Checking %1…").arg(fileName()) : tr("Importing %1…").arg(fileName()),
        [=](const ledger::Progress& progress) {
            *plan = ledger->portfolios().importPortfolio(file, secret, options, &progress);
        },
        [this, plan, dryRun](TaskOutcome outcome, const QString& message) {
            if (outcome == TaskOutcome::Cancelled) {
                setImport(QStringLiteral("cancelled"),
                          dryRun ? tr("Cancelled.") : tr("Cancelled: nothing was imported."));
                return;
            }
            if (outcome == TaskOutcome::Failed) {
                setImport(QStringLiteral("failed"), message);
                return;
            }
            m_items->setRows(itemRows(*plan));
            m_history->setRows(historyRows(*plan));
            // Whose portfolio, and who it goes to here (another person with --as).
            QString who = tr("the portfolio of %1 (%2)")
                              .arg(text(plan->fullName), text(plan->fromEmployeeId));
            if (plan->toEmployeeId != plan->fromEmployeeId) {
                const QString there = nameOf(text(plan->toEmployeeId));
                who += tr(" as %1").arg(there.isEmpty()
                                            ? text(plan->toEmployeeId)
                                            : tr("%1 (%2)").arg(there, text(plan->toEmployeeId)));
            }
            if (!plan->clean()) {
                setImport(
                    QStringLiteral("invalid"),
                    tr("Nothing of %1 can be imported: %2, %3 and %4. Resolve them here, "
                       "then check again.")
                        .arg(who,
                             counted(plan->conflicts.size(), tr("1 conflict"), tr("%1 conflicts")),
                             counted(plan->unmatchedModules.size(), tr("1 unmatched module"),
                                     tr("%1 unmatched modules")),
                             counted(plan->problems.size(), tr("1 problem"), tr("%1 problems"))));
                return;
            }
            const std::size_t adding = plan->toAdd.size();
            const QString added = counted(adding, tr("1 record"), tr("%1 records"));
            const auto there = static_cast<qulonglong>(plan->alreadyThere.size());
            if (dryRun) {
                m_clean = adding > 0;
                m_importState = QStringLiteral("checked");
                m_importSummary =
                    adding > 0
                        ? tr("Ready to import %1: %2 to add, %3 already there.")
                              .arg(who, added)
                              .arg(there)
                        : tr("Everything in %1 is already here: nothing to import.").arg(who);
                emit stateChanged();
                return;
            }
            setImport(QStringLiteral("imported"),
                      tr("Imported %1: %2 added, %3 already there.").arg(who, added).arg(there));
            if (plan->written && session()) {
                session()->reloadInBackground(); // waited for by waitForFinished()
            }
        });
    if (!started) {
        setImport(QStringLiteral("failed"),
                  tr("%1 Wait for it to finish.").arg(session()->tasks()->title()));
    }
}
