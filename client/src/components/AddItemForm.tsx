import { useState, type FormEvent } from 'react';
import type { EditResult, NewItemForm } from '../view/edits.js';
import './toolbar.css';

const NUMBER_FIELDS = [
  ['current_stock', 'Stock'],
  ['min_stock', 'Min'],
  ['max_stock', 'Max'],
  ['reorder_point', 'Reorder at'],
] as const;

const EMPTY = {
  name: '',
  type: 'inventory',
  sku: '',
  supplier: '',
  current_stock: '',
  min_stock: '',
  max_stock: '',
  reorder_point: '',
};

/** A small form for one new item; values are checked by the same rules as inline edits. */
export function AddItemForm({
  types,
  onAdd,
}: {
  types: readonly string[];
  onAdd(form: NewItemForm): EditResult;
}) {
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: e.target.value }));
    setError(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { name, type, ...fields } = values;
    const result = onAdd({ name, type, fields });
    if (result.ok) setValues({ ...EMPTY, type });
    else setError(result.error);
  };

  return (
    <form className="add-form" data-testid="add-item-form" onSubmit={submit} aria-label="Add an item">
      <label className="add-form__field add-form__field--wide">
        <span>Name</span>
        <input className="input" name="name" value={values.name} onChange={set('name')} required autoFocus />
      </label>
      <label className="add-form__field">
        <span>Type</span>
        <input className="input" name="type" list="item-types" value={values.type} onChange={set('type')} />
        <datalist id="item-types">
          {types.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      <label className="add-form__field">
        <span>SKU</span>
        <input className="input" name="sku" value={values.sku} onChange={set('sku')} />
      </label>
      <label className="add-form__field">
        <span>Supplier</span>
        <input className="input" name="supplier" value={values.supplier} onChange={set('supplier')} />
      </label>
      {NUMBER_FIELDS.map(([key, label]) => (
        <label key={key} className="add-form__field add-form__field--narrow">
          <span>{label}</span>
          <input className="input" name={key} inputMode="numeric" value={values[key]} onChange={set(key)} />
        </label>
      ))}
      <button type="submit" className="btn btn--primary" data-testid="add-item-submit">
        Add
      </button>
      {error ? (
        <p className="add-form__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
