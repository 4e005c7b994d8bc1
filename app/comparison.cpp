#include "comparison.h"

#include "model/scenario_json.h"
#include "model/world_at.h"
#include "widgets/comparisonpanel.h"
#include "widgets/mapview.h"

#include <QEvent>
#include <QFileInfo>
#include <QSplitter>

#include <algorithm>

namespace app {

Comparison::Comparison(Document *a_doc, LiveRun *a_live, widgets::MapView *a_map,
                       const model::Scenario &b_scenario, QObject *parent)
    : QObject(parent), a_doc_(a_doc), a_live_(a_live), a_map_(a_map) {
    workspace_ = new QSplitter(Qt::Horizontal);
    workspace_->setObjectName(QStringLiteral("comparison_workspace"));
    workspace_->setChildrenCollapsible(false);
    pane_a_ = new widgets::ComparisonPane(Side::a, workspace_);
    pane_b_ = new widgets::ComparisonPane(Side::b, workspace_);
    workspace_->addWidget(pane_a_);
    workspace_->addWidget(pane_b_);
    b_map_ = new widgets::MapView;
    b_map_->setObjectName(QStringLiteral("map_b"));
    pane_b_->set_body(b_map_);
    panel_ = new widgets::ComparisonPanel;

    for (Side side : {Side::a, Side::b}) {
        widgets::ComparisonPane *p = pane(side);
        connect(p, &widgets::ComparisonPane::save_requested, this,
                [this, side] { emit save_requested(side, false); });
        connect(p, &widgets::ComparisonPane::save_as_requested, this,
                [this, side] { emit save_requested(side, true); });
        connect(p, &widgets::ComparisonPane::keep_requested, this,
                [this, side] { emit keep_requested(side); });
        watch(p, side);
    }
    watch(a_map_, Side::a);
    watch(b_map_, Side::b);
    connect(&b_doc_, &Document::changed, this, [this] {
        b_live_.request(b_doc_.scenario());
        update_titles();
        emit b_changed();
    });
    connect(&b_doc_, &Document::modified_changed, this, &Comparison::update_titles);
    connect(&b_doc_, &Document::path_changed, this, &Comparison::update_titles);
    connect(a_doc_, &Document::modified_changed, this, &Comparison::update_titles);
    connect(a_doc_, &Document::path_changed, this, &Comparison::update_titles);
    connect(&b_live_, &LiveRun::updated, this, &Comparison::b_updated);

    b_doc_.reset(b_scenario, QString());
    b_map_->show_scenario(b_doc_.scenario()); // its run comes from the background runner
    set_active(Side::b);
    update_titles();
}

void Comparison::autosave_b(const QString &folder) {
    b_autosaver_ = std::make_unique<Autosaver>(&b_doc_, folder);
}

void Comparison::discard_b_autosave() {
    if (!b_autosaver_)
        return;
    b_autosaver_->discard();
    b_autosaver_->wait();
}

Comparison::~Comparison() {
    disconnect(&b_doc_, nullptr, this, nullptr);
    b_live_.close();
    delete workspace_; // the panes, map B and, unless given back, map A
    delete panel_;
}

void Comparison::watch(QWidget *widget, Side side) {
    widget->installEventFilter(this);
    widget->setProperty("compare_side", side == Side::a ? 0 : 1);
    if (auto *view = qobject_cast<widgets::MapView *>(widget)) {
        view->viewport()->installEventFilter(this);
        view->viewport()->setProperty("compare_side", side == Side::a ? 0 : 1);
    }
}

bool Comparison::eventFilter(QObject *watched, QEvent *event) {
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::DragEnter:
    case QEvent::ContextMenu:
    case QEvent::FocusIn: {
        const QVariant side = watched->property("compare_side");
        if (side.isValid())
            set_active(side.toInt() == 0 ? Side::a : Side::b);
        break;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void Comparison::set_active(Side side) {
    pane_a_->set_active(side == Side::a);
    pane_b_->set_active(side == Side::b);
    if (side == active_)
        return;
    active_ = side;
    emit active_changed(side);
}

void Comparison::set_labels(const QString &a, const QString &b) {
    a_label_ = a;
    b_label_ = b;
    update_titles();
    refresh();
}

QString Comparison::name(Side side) const {
    const QString &label = side == Side::a ? a_label_ : b_label_;
    if (!label.isEmpty())
        return label;
    const Document *doc = document(side);
    if (!doc->path().isEmpty())
        return QFileInfo(doc->path()).fileName();
    const QString a_name = a_doc_->path().isEmpty()
                               ? QString::fromStdString(a_doc_->scenario().name)
                               : QFileInfo(a_doc_->path()).fileName();
    return side == Side::a ? a_name : tr("copy of %1").arg(a_name);
}

void Comparison::update_titles() {
    for (Side side : {Side::a, Side::b}) {
        const Document *doc = document(side);
        const QString file =
            doc->path().isEmpty() ? tr("not saved to a file") : QFileInfo(doc->path()).fileName();
        const QString label = side == Side::a ? a_label_ : b_label_;
        pane(side)->set_title(label.isEmpty() ? name(side) : tr("%1 \u2014 %2").arg(label, file),
                              doc->modified());
    }
    panel_->set_names(name(Side::a), name(Side::b));
}

void Comparison::a_updated() {
    refresh();
}

void Comparison::b_updated() {
    const RunSnapshot &b = b_live_.current();
    b_map_->show_scenario(*b.scenario);
    refresh();
}

void Comparison::refresh() {
    const RunSnapshot &a = a_live_->current();
    const RunSnapshot &b = b_live_.current();
    if (!a || !b)
        return;
    a_live_->clock()->set_end(std::max(a.report->run.end_ms, b.report->run.end_ms));
    diffs_ = model::compare_reports(*a.report, *b.report);
    panel_->set_names(name(Side::a), name(Side::b));
    panel_->show_runs(a.report, *a.scenario, b.report, *b.scenario, diffs_);
    show_playhead(a_live_->clock()->playhead());
}

void Comparison::show_playhead(model::Ms t) {
    const RunSnapshot &b = b_live_.current();
    if (b) {
        const model::Ms at = std::min(t, b.report->run.end_ms);
        b_map_->show_world(*b.scenario, model::world_at(*b.scenario, *b.report, at));
    }
    panel_->set_playhead(t);
}

bool Comparison::settled() const {
    const RunSnapshot &a = a_live_->current();
    const RunSnapshot &b = b_live_.current();
    return a && b &&
           model::write_scenario(*a.scenario) == model::write_scenario(a_doc_->scenario()) &&
           model::write_scenario(*b.scenario) == model::write_scenario(b_doc_.scenario());
}

} // namespace app
