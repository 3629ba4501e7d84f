#include "reportscontroller.h"

#include "common/convert.h"
#include "common/taskrunner.h"
#include "reports/reportfiles.h"

#include "export/pdf.h"
#include "ledger.h"
#include "reports/cqc_pack.h"
#include "reports/report_catalog.h"

#include <QFileInfo>
#include <QPointer>

#include <algorithm>
#include <set>

namespace {

using convert::text;

QString qtext(const std::string& s) {
    return QString::fromStdString(s);
}

/// MM/YYYY as people type a month (or YYYY-MM as files have it).
std::optional<ledger::YearMonth> parseMonth(const QString& typed) {
    const QString s = typed.trimmed();
    if (s.size() == 7 && s[2] == QLatin1Char('/')) {
        return ledger::parseYearMonth(text(s.mid(3, 4) + QLatin1Char('-') + s.left(2)));
    }
    return ledger::parseYearMonth(text(s));
}

} // namespace

ReportTableModel::ReportTableModel(QObject* parent) : QAbstractTableModel(parent) {
}

void ReportTableModel::setSheet(std::shared_ptr<const ledger::Report> report) {
    beginResetModel();
    m_report = std::move(report);
    m_sheet = m_report && !m_report->sheets.empty() ? &m_report->sheets.front() : nullptr;
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_sheet ? 0 : static_cast<int>(m_sheet->rows.size());
}

int ReportTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_sheet ? 0 : static_cast<int>(m_sheet->columns.size());
}

QVariant ReportTableModel::data(const QModelIndex& index, int role) const {
    if (!m_sheet || !index.isValid()) {
        return {};
    }
    const auto row = static_cast<std::size_t>(index.row());
    const auto column = static_cast<std::size_t>(index.column());
    if (row >= m_sheet->rows.size() || column >= m_sheet->columns.size()) {
        return {};
    }
    const ledger::ReportColumn& c = m_sheet->columns[column];
    const auto& cells = m_sheet->rows[row];
    const ledger::ReportCell empty;
    const ledger::ReportCell& cell = column < cells.size() ? cells[column] : empty;
    switch (role) {
    case Qt::DisplayRole:
        return qtext(ledger::displayValue(cell, c));
    case ToneRole:
        return reportfiles::toneName(cell.tone);
    case NumericRole:
        return c.kind == ledger::CellKind::Integer || c.kind == ledger::CellKind::Decimal;
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!m_sheet || role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 ||
        static_cast<std::size_t>(section) >= m_sheet->columns.size()) {
        return {};
    }
    const ledger::ReportColumn& c = m_sheet->columns[static_cast<std::size_t>(section)];
    return qtext(c.label.empty() ? c.name : c.label);
}

QHash<int, QByteArray> ReportTableModel::roleNames() const {
    return {{Qt::DisplayRole, "display"}, {ToneRole, "tone"}, {NumericRole, "numeric"}};
}

int ReportTableModel::columnChars(int column) const {
    if (!m_sheet || column < 0 || static_cast<std::size_t>(column) >= m_sheet->columns.size()) {
        return 8;
    }
    const auto c = static_cast<std::size_t>(column);
    const ledger::ReportColumn& col = m_sheet->columns[c];
    qsizetype widest = qtext(col.label.empty() ? col.name : col.label).size();
    const std::size_t rows = std::min<std::size_t>(m_sheet->rows.size(), 500);
    for (std::size_t r = 0; r < rows; ++r) {
        if (c < m_sheet->rows[r].size()) {
            widest = std::max(widest, qtext(ledger::displayValue(m_sheet->rows[r][c], col)).size());
        }
    }
    return static_cast<int>(std::clamp<qsizetype>(widest, 4, 48));
}

ReportsController::ReportsController(QObject* parent)
    : PageController(parent), m_table(new ReportTableModel(this)) {
}

QVariantList ReportsController::catalog() const {
    QVariantList out;
    for (const ledger::ReportInfo& info : ledger::reportCatalog()) {
        out.push_back(
            QVariantMap{{QStringLiteral("name"), qtext(std::string(info.name))},
                        {QStringLiteral("title"), qtext(std::string(info.title))},
                        {QStringLiteral("description"), qtext(std::string(info.description))},
                        {QStringLiteral("asOf"), info.asOf},
                        {QStringLiteral("dateRange"), info.dateRange},
                        {QStringLiteral("monthRange"), info.monthRange},
                        {QStringLiteral("within"), info.within},
                        {QStringLiteral("byStaff"), info.byStaff},
                        {QStringLiteral("periodMonths"), info.periodMonths},
                        {QStringLiteral("registrationYear"), info.registrationYear}});
    }
    return out;
}

QString ReportsController::title() const {
    return m_report ? qtext(m_report->title) : QString();
}

QString ReportsController::subtitle() const {
    return m_report ? qtext(m_report->subtitle) : QString();
}

QString ReportsController::notes() const {
    QStringList out;
    if (m_report) {
        for (const std::string& note : m_report->notes) {
            out << qtext(note);
        }
    }
    return out.join(QLatin1Char('\n'));
}

QString ReportsController::summary() const {
    if (!m_report || m_report->sheets.empty()) {
        return {};
    }
    const auto rows = m_report->sheets.front().rows.size();
    return rows == 1 ? tr("1 row") : tr("%1 rows").arg(rows);
}

void ReportsController::build() {
    QStringList teams;
    QStringList modules;
    if (const auto data = m_session ? m_session->data() : nullptr) {
        std::set<std::string> names;
        for (const ledger::Staff& s : data->staff) {
            names.insert(s.team);
        }
        for (const std::string& name : names) {
            teams << qtext(name);
        }
        for (const ledger::Module& m : data->modules) {
            modules << qtext(m.code);
        }
        modules.sort();
    }
    if (teams != m_teams || modules != m_modules) {
        m_teams = teams;
        m_modules = modules;
        emit namesChanged();
    }
}

void ReportsController::setTask(quint64 task) {
    if (m_task != task) {
        m_task = task;
        emit runningChanged();
    }
}

QString ReportsController::run(const QVariantMap& choices) {
    if (!m_session || !m_session->ledger()) {
        return m_session ? tr("%1 Wait for it to finish.").arg(m_session->tasks()->title())
                         : tr("No ledger is open.");
    }
    ledger::ReportRequest request;
    request.name = text(choices.value(QStringLiteral("name")).toString());
    const ledger::ReportInfo* info = ledger::findReport(request.name);
    if (!info) {
        return tr("Choose a report.");
    }
    const auto date = [&](const char* key, const QString& what,
                          std::optional<ledger::Date>& into) -> QString {
        const QString typed = choices.value(QLatin1String(key)).toString().trimmed();
        if (typed.isEmpty()) {
            return {};
        }
        into = convert::parseTyped(typed);
        return into ? QString() : tr("Type %1 as a date, DD/MM/YYYY.").arg(what);
    };
    const auto month = [&](const char* key, const QString& what,
                           std::optional<ledger::YearMonth>& into) -> QString {
        const QString typed = choices.value(QLatin1String(key)).toString().trimmed();
        if (typed.isEmpty()) {
            return {};
        }
        into = parseMonth(typed);
        return into ? QString() : tr("Type %1 as a month, MM/YYYY.").arg(what);
    };
    const auto number = [&](const char* key, const QString& what, int low, int high,
                            int& into) -> QString {
        const QString typed = choices.value(QLatin1String(key)).toString().trimmed();
        if (typed.isEmpty()) {
            return {};
        }
        bool ok = false;
        const int value = typed.toInt(&ok);
        if (!ok || value < low || value > high) {
            return tr("Type %1 as a whole number from %2 to %3.").arg(what).arg(low).arg(high);
        }
        into = value;
        return {};
    };
    QStringList problems;
    if (info->asOf) {
        problems << date("asOf", tr("the day it is as of"), request.asOf);
    }
    if (info->dateRange) {
        problems << date("from", tr("the first day"), request.from)
                 << date("to", tr("the last day"), request.to);
        if (request.from && request.to && *request.to < *request.from) {
            problems << tr("The first day is after the last day.");
        }
        if (info->name == "themes" && (!request.from || !request.to)) {
            problems << tr("Give the first and last day of the period.");
        }
    }
    if (info->monthRange) {
        problems << month("fromMonth", tr("the first month"), request.fromMonth)
                 << month("toMonth", tr("the last month"), request.toMonth);
        const ledger::YearMonth last =
            request.toMonth.value_or(ledger::lastCompleteMonth(m_session->todayDate()));
        if (request.fromMonth && last < *request.fromMonth) {
            problems << tr("The first month is after the last month.");
        }
        request.team = text(choices.value(QStringLiteral("team")).toString());
        request.module = text(choices.value(QStringLiteral("module")).toString());
    }
    if (info->within) {
        problems << number("within", tr("the window in days"), 0, ledger::kMaxExpiringWithinDays,
                           request.withinDays);
    }
    if (info->periodMonths) {
        problems << number("periodMonths", tr("the months that make a theme stale"), 1, 120,
                           request.periodMonths);
    }
    if (info->registrationYear) {
        int year = 0;
        problems << number("registrationYear", tr("the registration year"), 1900, 9999, year);
        if (year != 0) {
            request.registrationYear = year;
        }
    }
    request.byStaff = info->byStaff && choices.value(QStringLiteral("byStaff")).toBool();
    problems.removeAll(QString());
    if (!problems.isEmpty()) {
        return problems.join(QLatin1Char(' '));
    }

    ledger::Ledger* ledger = m_session->ledgerForTask();
    const ledger::Date today = m_session->todayDate();
    auto result = std::make_shared<std::shared_ptr<const ledger::Report>>();
    const TaskRunner::Job job = [ledger, request, today, result](const ledger::Progress& progress) {
        TaskRunner::throwIfCancelled(progress, 0.0);
        *result = std::make_shared<const ledger::Report>(
            ledger::runReport(*ledger, request, today, &progress).report);
        TaskRunner::throwIfCancelled(progress, 1.0);
        return std::function<void()>{};
    };
    QPointer<ReportsController> self(this);
    const TaskRunner::Done done = [self, result](TaskOutcome outcome, const QString& message) {
        if (!self) {
            return;
        }
        self->setTask(0);
        if (outcome == TaskOutcome::Finished && *result) {
            self->m_report = *result;
            self->m_table->setSheet(self->m_report);
            emit self->resultChanged();
            emit self->runFinished(true, {});
        } else {
            emit self->runFinished(false, outcome == TaskOutcome::Cancelled
                                              ? tr("Cancelled: the report was not run.")
                                              : message);
        }
    };
    const quint64 task = m_session->tasks()->start(
        tr("Running the report “%1”…").arg(qtext(std::string(info->title))), true, job, done);
    if (task == 0) {
        return tr("%1 Wait for it to finish.").arg(m_session->tasks()->title());
    }
    setTask(task);
    return {};
}

QString ReportsController::suggestedName(const QString& format) const {
    if (!m_report || !m_session) {
        return {};
    }
    return QStringLiteral("%1-%2.%3")
        .arg(qtext(m_report->name), qtext(ledger::formatIso(m_session->todayDate())), format);
}

QString ReportsController::save(const QUrl& file, const QString& format) {
    if (!m_report) {
        return tr("Run a report first.");
    }
    if (format != QLatin1String("csv") && format != QLatin1String("xlsx") &&
        format != QLatin1String("pdf")) {
        return tr("A report is saved as CSV, Excel (xlsx) or PDF.");
    }
    if (!m_session) {
        return tr("No ledger is open.");
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) {
        return tr("Choose a file to write.");
    }
    const std::shared_ptr<const ledger::Report> report = m_report;
    return startSave(path, [report, path, format](const ledger::Progress& progress) {
        TaskRunner::throwIfCancelled(progress, 0.05);
        const ledger::Progress writing = ledger::partOf(progress, 0.05, 0.95);
        reportfiles::writeReport(*report, format, path, writing);
    });
}

QString ReportsController::saveCqcPack(const QUrl& file, const QString& asOfText) {
    if (!m_session || !m_session->ledger()) {
        return m_session ? tr("%1 Wait for it to finish.").arg(m_session->tasks()->title())
                         : tr("No ledger is open.");
    }
    ledger::Date asOf = m_session->todayDate();
    if (!asOfText.trimmed().isEmpty()) {
        const auto typed = convert::parseTyped(asOfText);
        if (!typed) {
            return tr("Type the day the pack is as of as a date, DD/MM/YYYY.");
        }
        asOf = *typed;
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) {
        return tr("Choose a file to write.");
    }
    ledger::Ledger* ledger = m_session->ledgerForTask();
    return startSave(path, [ledger, asOf, path](const ledger::Progress& progress) {
        TaskRunner::throwIfCancelled(progress, 0.0);
        // Gathering the pack's figures is half the work, laying it out the other half.
        const ledger::Progress gathering = ledger::partOf(progress, 0.0, 0.5);
        const ledger::Progress rendering = ledger::partOf(progress, 0.5, 0.4);
        const std::string bytes =
            ledger::renderPdf(ledger::cqcEvidencePack(*ledger, asOf, &gathering), &rendering);
        TaskRunner::throwIfCancelled(progress, 0.9);
        reportfiles::writeWhole(path, bytes);
    });
}

QString ReportsController::startSave(const QString& path,
                                     std::function<void(const ledger::Progress&)> write) {
    const TaskRunner::Job job = [write = std::move(write)](const ledger::Progress& progress) {
        write(progress);
        return std::function<void()>{};
    };
    QPointer<ReportsController> self(this);
    const TaskRunner::Done done = [self, path](TaskOutcome outcome, const QString& message) {
        if (!self) {
            return;
        }
        self->setTask(0);
        if (outcome == TaskOutcome::Finished) {
            emit self->saveFinished(true, tr("Saved %1.").arg(QFileInfo(path).fileName()));
        } else if (outcome == TaskOutcome::Cancelled) {
            emit self->saveFinished(false, tr("Cancelled: nothing was saved."));
        } else {
            emit self->saveFinished(false, message);
        }
    };
    const quint64 task = m_session->tasks()->start(
        tr("Writing %1…").arg(QFileInfo(path).fileName()), true, job, done);
    if (task == 0) {
        return tr("%1 Wait for it to finish.").arg(m_session->tasks()->title());
    }
    setTask(task);
    return {};
}
