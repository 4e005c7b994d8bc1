#pragma once
// Design note: a comparison.
//
// Branching the open design splits the workspace into design A (the open document, as it was)
// and design B (a copy to change). Each side is a design with its own live run: A is the main
// window's document and LiveRun, B is this object's Document and LiveRun, so each report is
// computed off the GUI thread from its own scenario and travels with it. One clock, A's, moves
// both: the two maps, the two timelines and the overlaid charts show the same playhead, and its
// end is the later of the two runs' ends. The difference of the two reports is the model's
// (model/compare.h), recomputed whenever either run lands. Edits go to the active side: the one
// whose map or header was last pressed, dragged onto or focused, or chosen from the menu.
// The comparison owns B and the widgets it adds; the main window installs them and puts its
// own back when the comparison ends.

#include "app/autosave.h"
#include "app/document.h"
#include "app/liverun.h"
#include "model/compare.h"
#include "widgets/comparisonpane.h"

#include <QObject>

#include <QSplitter>
#include <memory>

namespace widgets {
class ComparisonPanel;
class MapView;
} // namespace widgets

namespace app {

using Side = widgets::CompareSide;

class Comparison : public QObject {
    Q_OBJECT
public:
    // B starts as a copy of b_scenario; A is the main window's document, run and map.
    Comparison(Document *a_doc, LiveRun *a_live, widgets::MapView *a_map,
               const model::Scenario &b_scenario, QObject *parent = nullptr);
    ~Comparison() override;

    Document *document(Side side) { return side == Side::a ? a_doc_ : &b_doc_; }
    const Document *document(Side side) const { return side == Side::a ? a_doc_ : &b_doc_; }
    LiveRun *live(Side side) { return side == Side::a ? a_live_ : &b_live_; }
    widgets::MapView *map(Side side) const { return side == Side::a ? a_map_ : b_map_; }
    widgets::ComparisonPane *pane(Side side) const { return side == Side::a ? pane_a_ : pane_b_; }
    widgets::ComparisonPanel *panel() const { return panel_; }
    // The two panes side by side: the main window's central widget while comparing.
    QWidget *workspace() const { return workspace_; }

    Side active() const { return active_; }
    void set_active(Side side);

    // Autosaves design B to `folder` (the main window's autosave folder) while it has changes
    // not saved, like the open design: a crash mid-comparison leaves B to recover.
    void autosave_b(const QString &folder);
    Autosaver *b_autosaver() { return b_autosaver_.get(); }
    // B was saved, discarded or kept as the open design: its autosave goes.
    void discard_b_autosave();

    // What each side is, in a few words (a lesson's "TTL 300 s"); empty: the file's name.
    void set_labels(const QString &a, const QString &b);
    // "TTL 60 s", "dns-ttl-floor.json", "copy of dns-ttl-floor.json".
    QString name(Side side) const;

    // A's run was published (the main window's LiveRun): redraw what depends on both.
    void a_updated();
    void show_playhead(model::Ms t);
    // The model's difference of the two current reports (empty until both have run).
    const std::vector<model::FigureDiff> &diffs() const { return diffs_; }
    // Whether both sides show the run of their document's scenario as it is now.
    bool settled() const;

signals:
    void active_changed(Side side);
    void b_changed(); // design B's scenario changed (an edit, undo, redo)
    void save_requested(Side side, bool choose_path);
    void keep_requested(Side side);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void b_updated();
    void refresh();
    void watch(QWidget *widget, Side side);
    void update_titles();

    Document *a_doc_;
    LiveRun *a_live_;
    widgets::MapView *a_map_;
    Document b_doc_;
    LiveRun b_live_;                         // only its runner and snapshot: A's clock moves both
    std::unique_ptr<Autosaver> b_autosaver_; // declared after b_doc_: it goes first
    Side active_ = Side::b;
    QString a_label_, b_label_;
    std::vector<model::FigureDiff> diffs_;

    QSplitter *workspace_ = nullptr; // owned: deleted with the comparison
    widgets::ComparisonPane *pane_a_ = nullptr;
    widgets::ComparisonPane *pane_b_ = nullptr;
    widgets::MapView *b_map_ = nullptr;
    widgets::ComparisonPanel *panel_ = nullptr; // owned: deleted with the comparison
};

} // namespace app
