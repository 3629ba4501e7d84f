#include "common/pagecontroller.h"

PageController::PageController(QObject* parent) : QObject(parent) {
}

void PageController::setSession(Session* session) {
    if (!attachSession(this, m_session, session, &PageController::refresh)) {
        return;
    }
    sessionAttached();
    emit sessionChanged();
    refresh();
}

void PageController::setActive(bool active) {
    if (m_shown.setActive(active)) {
        emit activeChanged();
    }
}
