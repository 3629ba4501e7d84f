#include "reports/trendcontroller.h"

#include "reports/reportfiles.h"

#include "common/convert.h"
#include "common/timings.h"

#include <QPointer>
#include <QRegularExpression>

#include <algorithm>
#include <memory>

using convert::text;

namespace {

QString monthText(ledger::YearMonth month) {
    return QStringLiteral("%1/%2").arg(month.month, 2, 10, QLatin1Char('0')).arg(month.year);
}

/// MM/YYYY (or M/YYYY) as a month, else nullopt.
std::optional<ledger::YearMonth> parseMonthText(const QString& typed) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,2})/(\\d{4})$"));
    const QRegularExpressionMatch match = pattern.match(typed.trimmed());
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    const QString iso =
        QStringLiteral("%1-%2").arg(match.captured(2), match.captured(1).rightJustified(2, u'0'));
    return ledger::parseYearMonth(text(iso));
}

QVariantMap choice(const QString& value, const QString& label) {
    return QVariantMap{{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
}

} // namespace

TrendController::TrendController(QObject* parent)
    : ReportPageController(parent),
      m_rows(new VariantListModel(
          {QStringLiteral("cells"), QStringLiteral("tones"), QStringLiteral("accessibleText")},
          this)) {
}

TrendController::~TrendController() {
    finishTasks(); // while this is whole: a finished job shows its figures here
}

void TrendController::sessionAttached() {
    ReportPageController::sessionAttached();
    if (m_session) {
        const ledger::YearMonth last = ledger::lastCompleteMonth(m_session->todayDate());
        m_from = ledger::addMonths(last, -23);
        m_to = last;
        emit rangeChanged();
    }
}

void TrendController::showLast24Months() {
    if (m_session) {
        const ledger::YearMonth last = ledger::lastCompleteMonth(m_session->todayDate());
        setRange(ledger::addMonths(last, -23), last);
    }
}

void TrendController::setRange(ledger::YearMonth from, ledger::YearMonth to) {
    if (from == m_from && to == m_to) {
        return;
    }
    m_from = from;
    m_to = to;
    emit rangeChanged();
    refresh();
}

QString TrendController::setRangeText(const QString& from, const QString& to) {
    const auto first = parseMonthText(from);
    const auto last = parseMonthText(to);
    if (!first || !last) {
        return tr("Type each month as MM/YYYY, for example 03/2026.");
    }
    if (*last < *first) {
        return tr("The first month, %1, is after the last, %2.").arg(from.trimmed(), to.trimmed());
    }
    setRange(*first, *last);
    return {};
}

QString TrendController::fromText() const {
    return m_session ? monthText(m_from) : QString();
}

QString TrendController::toText() const {
    return m_session ? monthText(m_to) : QString();
}

void TrendController::setTeam(const QString& team) {
    if (team != m_team) {
        m_team = team;
        emit selectionChanged();
        refresh();
    }
}

void TrendController::setModule(const QString& module) {
    if (module != m_module) {
        m_module = module;
        emit selectionChanged();
        refresh();
    }
}

void TrendController::build() {
    const auto engine = m_session ? m_session->engine() : nullptr;
    const auto data = m_session ? m_session->data() : nullptr;
    if (!engine || !data) {
        clearPending();
        return;
    }
    // The choices: every team, and every module required of someone, by name and code.
    QStringList teams;
    for (std::size_t t = 0; t < engine->teamCount(); ++t) {
        teams << text(engine->teamName(t));
    }
    teams.sort(Qt::CaseInsensitive);
    QVariantList teamChoices{choice({}, tr("All teams"))};
    for (const QString& t : teams) {
        teamChoices << choice(t, t);
    }
    std::vector<std::size_t> modules;
    for (std::size_t m = 0; m < engine->moduleCount() && m < data->modules.size(); ++m) {
        modules.push_back(m);
    }
    std::sort(modules.begin(), modules.end(), [&](std::size_t a, std::size_t b) {
        return engine->moduleCode(a) < engine->moduleCode(b);
    });
    QVariantList moduleChoices{choice({}, tr("All modules"))};
    for (const std::size_t m : modules) {
        moduleChoices << choice(
            text(engine->moduleCode(m)),
            tr("%1 – %2").arg(text(engine->moduleCode(m)), text(data->modules[m].title)));
    }
    if (teamChoices != m_teamChoices || moduleChoices != m_moduleChoices) {
        m_teamChoices = teamChoices;
        m_moduleChoices = moduleChoices;
        emit choicesChanged();
    }

    ledger::CoverageSelection selection;
    // A team or module gone from the ledger (renamed, removed) falls back to all of them.
    std::string scope = "All teams";
    if (!m_team.isEmpty()) {
        selection.team = engine->findTeam(text(m_team));
        if (selection.team) {
            scope = "Team " + text(m_team);
        } else {
            m_team.clear();
            emit selectionChanged();
        }
    }
    if (!m_module.isEmpty()) {
        selection.module = engine->findModule(text(m_module));
        if (!selection.module) {
            m_module.clear();
            emit selectionChanged();
        }
    }
    // As the CLI's `report trend` says it, so that a saved file reads the same either way.
    scope += selection.module ? ", module " + text(m_module) : std::string(", every module");

    const ledger::YearMonth from = m_from;
    const ledger::YearMonth to = m_to;
    const QPointer<TrendController> self(this);
    compute(tr("Working out coverage at each month end…"),
            [engine, from, to, selection, scope,
             self](const ledger::Progress& progress) -> std::function<void()> {
                const timings::Scope timing("task: coverage trend worked out");
                auto report = std::make_shared<ledger::Report>(ledger::trendReport(
                    ledger::coverageTrend(*engine, from, to, selection, &progress), scope));
                return [self, report] {
                    if (self) {
                        self->showReport(std::move(*report));
                    }
                };
            });
}

void TrendController::showReport(ledger::Report report) {
    m_report = std::move(report);
    m_hasReport = !m_report.sheets.empty();
    QList<QVariantMap> rows;
    if (m_hasReport) {
        const ledger::ReportSheet& sheet = m_report.sheets.front();
        for (const auto& row : sheet.rows) {
            QStringList cells;
            QStringList tones;
            QStringList spoken;
            for (std::size_t c = 0; c < row.size() && c < sheet.columns.size(); ++c) {
                const QString value = text(ledger::displayValue(row[c], sheet.columns[c]));
                cells << value;
                tones << reportfiles::toneName(row[c].tone);
                spoken << tr("%1 %2").arg(text(sheet.columns[c].label),
                                          value.isEmpty() ? tr("none") : value);
            }
            rows.push_back(
                QVariantMap{{QStringLiteral("cells"), cells},
                            {QStringLiteral("tones"), tones},
                            {QStringLiteral("accessibleText"), spoken.join(QStringLiteral(", "))}});
        }
    }
    m_rows->setRows(rows);
    emit reportChanged();
}

QString TrendController::title() const {
    return text(m_report.title);
}

QString TrendController::subtitle() const {
    return text(m_report.subtitle);
}

QString TrendController::note() const {
    QStringList notes;
    for (const std::string& n : m_report.notes) {
        notes << text(n);
    }
    return notes.join(u'\n');
}

QStringList TrendController::columns() const {
    QStringList out;
    if (!m_report.sheets.empty()) {
        for (const ledger::ReportColumn& c : m_report.sheets.front().columns) {
            out << text(c.label);
        }
    }
    return out;
}

QString TrendController::chartTitle() const {
    return m_report.charts.empty() ? QString() : text(m_report.charts.front().title);
}

QString TrendController::yLabel() const {
    return m_report.charts.empty() ? QString() : text(m_report.charts.front().yLabel);
}

QStringList TrendController::xLabels() const {
    QStringList out;
    if (!m_report.charts.empty()) {
        for (const std::string& label : m_report.charts.front().xLabels) {
            out << text(label);
        }
    }
    return out;
}

QVariantList TrendController::values() const {
    QVariantList out;
    if (!m_report.charts.empty() && !m_report.charts.front().series.empty()) {
        for (const auto& v : m_report.charts.front().series.front().second) {
            out << (v ? QVariant(*v) : QVariant());
        }
    }
    return out;
}

double TrendController::yMin() const {
    return m_report.charts.empty() ? 0 : m_report.charts.front().yMin;
}

double TrendController::yMax() const {
    return m_report.charts.empty() ? 100 : m_report.charts.front().yMax;
}

void TrendController::save(const QString& format, const QUrl& url) {
    if (!m_hasReport) {
        return;
    }
    saveReport(m_report, format, url);
}

QString TrendController::suggestedFileName(const QString& format) const {
    return QStringLiteral("coverage-trend-%1-to-%2.%3")
        .arg(text(ledger::formatYearMonth(m_from)), text(ledger::formatYearMonth(m_to)), format);
}
