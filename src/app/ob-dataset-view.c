/* ob-dataset-view.c: a dataset shown as a table, one column per variable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-dataset-model.h"
#include "ob-dataset-view.h"

/* Cells measured to size a column; enough to catch long values without reading the file. */
#define N_SAMPLED_ROWS 200
#define MIN_COLUMN_WIDTH 64
#define MAX_COLUMN_WIDTH 360

struct _ObDatasetView
{
  AdwBin parent_instance;

  GtkColumnView *column_view;
  GtkLabel *info_label;
  GtkMenuButton *types_button;
  GtkListBox *types_list;
  gboolean updating_types;

  ObDataset *dataset;
  GSimpleActionGroup *actions;
};

G_DEFINE_FINAL_TYPE (ObDatasetView, ob_dataset_view, ADW_TYPE_BIN)

enum {
  COLUMN_TYPE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  ObColumnType type;
  const char *label;
} column_types[] = {
  { OB_COLUMN_NUMERIC, N_("Numeric") },
  { OB_COLUMN_CATEGORICAL, N_("Categorical") },
  { OB_COLUMN_DATE, N_("Date") },
  { OB_COLUMN_TEXT, N_("Text") },
};

static const char *
type_label (ObColumnType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_types); i++)
    if (column_types[i].type == type)
      return _(column_types[i].label);
  return "";
}

static int
measure_text (PangoLayout *layout,
              const char  *text)
{
  int width = 0;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Sizes a column to its header and to the widest of a few hundred sampled cells, so that
 * a million-row table opens at once and columns are neither cramped nor half the window.
 * Text is measured rather than counted: CJK names are twice as wide as Latin ones. */
static int
estimate_column_width (ObDatasetView *self,
                       PangoLayout   *layout,
                       guint          column,
                       const char    *title)
{
  gsize n_rows = ob_dataset_get_n_rows (self->dataset);
  gsize step = MAX (n_rows / N_SAMPLED_ROWS, 1);
  /* Headers are bold; the menu arrow sits beside the title. */
  int width = measure_text (layout, title) * 11 / 10 + 16;

  for (gsize row = 0; row < n_rows; row += step)
    {
      g_autofree char *text = ob_dataset_format_cell (self->dataset, column, row);
      width = MAX (width, measure_text (layout, text));
    }
  return CLAMP (width + 20, MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);
}

static void
setup_cell (GtkListItem *item,
            float        xalign,
            gboolean     dim)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
setup_number_cell_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  setup_cell (item, 1.0f, FALSE);
}

static void
setup_text_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  setup_cell (item, 0.0f, FALSE);
}

static void
setup_index_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  setup_cell (item, 1.0f, TRUE);
}

static void
bind_index_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  ObDatasetRow *row = gtk_list_item_get_item (item);
  char buffer[24];

  g_snprintf (buffer, sizeof buffer, "%u", ob_dataset_row_get_index (row) + 1);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), buffer);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ObDatasetRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  ObDataset *dataset = ob_dataset_row_get_dataset (row);
  guint column = GPOINTER_TO_UINT (user_data);
  guint index = ob_dataset_row_get_index (row);

  /* R's spelling, so that a missing cell is not mistaken for an empty string. */
  if (ob_column_is_missing (ob_dataset_get_column (dataset, column), index))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (label), "NA");
      gtk_widget_add_css_class (label, "dim-label");
    }
  else
    {
      g_autofree char *text = ob_dataset_format_cell (dataset, column, index);

      gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
      gtk_widget_remove_css_class (label, "dim-label");
    }
}

static void
change_column_type_cb (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  ObDatasetView *self = user_data;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "ob-column"));
  ObColumnType type;

  if (!ob_column_type_from_string (g_variant_get_string (value, NULL), &type))
    return;
  /* The state follows the data: it changes when the file has been read with the new type. */
  if (type != ob_dataset_get_column (self->dataset, column)->type)
    ob_dataset_view_request_column_type (self, column, type);
}

static GMenuModel *
create_header_menu (guint column)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (column_types); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("dataset.column-type-%u::%s", column,
                                                   ob_column_type_to_string (column_types[i].type));
      g_menu_append (section, _(column_types[i].label), detailed);
    }
  g_menu_append_section (menu, _("Column Type"), G_MENU_MODEL (section));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GtkColumnViewColumn *
create_column (ObDatasetView *self,
               guint          index,
               PangoLayout   *layout)
{
  const ObColumn *column = ob_dataset_get_column (self->dataset, index);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GMenuModel) menu = create_header_menu (index);
  g_autoptr(GSimpleAction) action = NULL;
  g_autofree char *action_name = g_strdup_printf ("column-type-%u", index);
  g_autofree char *title = NULL;
  gboolean right_aligned = column->type == OB_COLUMN_NUMERIC || column->type == OB_COLUMN_DATE;
  GtkColumnViewColumn *view_column;
  GVariant *state;

  /* "·" keeps the detected type in the header, where the name is read anyway. */
  title = g_strdup_printf ("%s · %s", column->name, type_label (column->type));

  g_signal_connect (factory, "setup",
                    right_aligned ? G_CALLBACK (setup_number_cell_cb)
                                  : G_CALLBACK (setup_text_cell_cb),
                    NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (index));

  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column,
                                          estimate_column_width (self, layout, index, title));
  gtk_column_view_column_set_header_menu (view_column, menu);

  state = g_variant_new_string (ob_column_type_to_string (column->type));
  action = g_simple_action_new_stateful (action_name, G_VARIANT_TYPE_STRING, state);
  g_object_set_data (G_OBJECT (action), "ob-column", GUINT_TO_POINTER (index));
  g_signal_connect (action, "change-state", G_CALLBACK (change_column_type_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));

  return view_column;
}

static const char *
describe_delimiter (char delimiter)
{
  switch (delimiter)
    {
    case '\t':
      return _("Tab-separated");
    case ';':
      return _("Semicolon-separated");
    case '|':
      return _("Pipe-separated");
    default:
      return _("Comma-separated");
    }
}

static void
update_info (ObDatasetView *self)
{
  g_autofree char *text = NULL;

  /* How the file was read, so a wrong guess (CP932 or a decimal comma) is seen at once. */
  text = g_strdup_printf ("%s · %s%s", ob_dataset_get_encoding (self->dataset),
                          describe_delimiter (ob_dataset_get_delimiter (self->dataset)),
                          ob_dataset_get_decimal_comma (self->dataset)
                          ? _(" · decimal comma") : "");
  gtk_label_set_text (self->info_label, text);
}

static void
type_selected_cb (GtkDropDown   *dropdown,
                  GParamSpec    *pspec,
                  ObDatasetView *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "ob-column"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  ObColumnType current;

  if (self->updating_types || column >= ob_dataset_get_n_columns (self->dataset))
    return;
  current = ob_dataset_get_column (self->dataset, column)->type;
  if (selected >= G_N_ELEMENTS (column_types) || column_types[selected].type == current)
    return;

  gtk_menu_button_popdown (self->types_button);
  ob_dataset_view_request_column_type (self, column, column_types[selected].type);

  /* Until the file has been read again, the list shows what the table holds; a handler
   * may already have replaced the dataset and this list. */
  if (gtk_widget_get_parent (GTK_WIDGET (dropdown)) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (column_types); i++)
    if (column_types[i].type == ob_dataset_get_column (self->dataset, column)->type)
      {
        self->updating_types = TRUE;
        gtk_drop_down_set_selected (dropdown, i);
        self->updating_types = FALSE;
      }
}

static void
populate_types_list (ObDatasetView *self)
{
  const char *labels[G_N_ELEMENTS (column_types) + 1] = { NULL };
  g_autoptr(GtkSizeGroup) sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->types_list))) != NULL)
    gtk_list_box_remove (self->types_list, child);

  for (guint i = 0; i < G_N_ELEMENTS (column_types); i++)
    labels[i] = _(column_types[i].label);

  for (guint i = 0; i < ob_dataset_get_n_columns (self->dataset); i++)
    {
      const ObColumn *column = ob_dataset_get_column (self->dataset, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (column->name);
      GtkWidget *dropdown = gtk_drop_down_new_from_strings (labels);

      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);

      for (guint t = 0; t < G_N_ELEMENTS (column_types); t++)
        if (column_types[t].type == column->type)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), t);
      g_object_set_data (G_OBJECT (dropdown), "ob-column", GUINT_TO_POINTER (i));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (type_selected_cb), self);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_size_group_add_widget (sizes, dropdown);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_box_append (GTK_BOX (box), dropdown);

      gtk_list_box_append (self->types_list, box);
    }
}

static void
remove_columns (ObDatasetView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
rebuild (ObDatasetView *self)
{
  g_autoptr(GtkListItemFactory) index_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) index_column = NULL;
  g_autoptr(ObDatasetModel) model = ob_dataset_model_new (self->dataset);
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autofree char *last_row = NULL;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  guint n_columns = ob_dataset_get_n_columns (self->dataset);

  gtk_column_view_set_model (self->column_view, NULL);
  remove_columns (self);
  for (guint i = 0; ; i++)
    {
      g_autofree char *name = g_strdup_printf ("column-type-%u", i);

      if (!g_action_map_lookup_action (G_ACTION_MAP (self->actions), name))
        break;
      g_action_map_remove_action (G_ACTION_MAP (self->actions), name);
    }

  g_signal_connect (index_factory, "setup", G_CALLBACK (setup_index_cell_cb), NULL);
  g_signal_connect (index_factory, "bind", G_CALLBACK (bind_index_cell_cb), NULL);
  index_column = gtk_column_view_column_new (NULL, g_object_ref (index_factory));
  last_row = g_strdup_printf ("%" G_GSIZE_FORMAT, ob_dataset_get_n_rows (self->dataset));
  gtk_column_view_column_set_fixed_width (index_column,
                                          measure_text (layout, last_row) + 24);
  gtk_column_view_append_column (self->column_view, index_column);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = create_column (self, i, layout);
      gtk_column_view_append_column (self->column_view, column);
    }

  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  update_info (self);
  populate_types_list (self);
}

static void
ob_dataset_view_dispose (GObject *object)
{
  ObDatasetView *self = OB_DATASET_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OB_TYPE_DATASET_VIEW);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->dataset, ob_dataset_unref);

  G_OBJECT_CLASS (ob_dataset_view_parent_class)->dispose (object);
}

static void
ob_dataset_view_class_init (ObDatasetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ob_dataset_view_dispose;

  /**
   * ObDatasetView::column-type-requested:
   * @column: index of the column in the dataset
   * @type: the #ObColumnType the user chose
   */
  signals[COLUMN_TYPE_REQUESTED] =
    g_signal_new ("column-type-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/oncobench/Oncobench/ob-dataset-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ObDatasetView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ObDatasetView, info_label);
  gtk_widget_class_bind_template_child (widget_class, ObDatasetView, types_button);
  gtk_widget_class_bind_template_child (widget_class, ObDatasetView, types_list);
}

static void
ob_dataset_view_init (ObDatasetView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "dataset", G_ACTION_GROUP (self->actions));
}

/* The view keeps a reference to @dataset. */
GtkWidget *
ob_dataset_view_new (ObDataset *dataset)
{
  ObDatasetView *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (OB_TYPE_DATASET_VIEW, NULL);
  ob_dataset_view_set_dataset (self, dataset);
  return GTK_WIDGET (self);
}

ObDataset *
ob_dataset_view_get_dataset (ObDatasetView *self)
{
  g_return_val_if_fail (OB_IS_DATASET_VIEW (self), NULL);
  return self->dataset;
}

void
ob_dataset_view_set_dataset (ObDatasetView *self,
                             ObDataset     *dataset)
{
  g_return_if_fail (OB_IS_DATASET_VIEW (self));
  g_return_if_fail (dataset != NULL);

  ob_dataset_ref (dataset);
  g_clear_pointer (&self->dataset, ob_dataset_unref);
  self->dataset = dataset;
  rebuild (self);
}

GtkColumnView *
ob_dataset_view_get_column_view (ObDatasetView *self)
{
  g_return_val_if_fail (OB_IS_DATASET_VIEW (self), NULL);
  return self->column_view;
}

void
ob_dataset_view_request_column_type (ObDatasetView *self,
                                     guint          column,
                                     ObColumnType   type)
{
  g_return_if_fail (OB_IS_DATASET_VIEW (self));
  g_return_if_fail (column < ob_dataset_get_n_columns (self->dataset));

  g_signal_emit (self, signals[COLUMN_TYPE_REQUESTED], 0, column, (guint) type);
}
