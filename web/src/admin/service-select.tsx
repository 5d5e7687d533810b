import { FieldError, type AdminForm } from './form-feedback';

/**
 * The service something belongs to (an integration, a probe): a choice among the catalogue, or
 * none (`''`, sent as null). Its error is the API's at `/serviceId`.
 */
export function ServiceSelect({
  label,
  noneLabel,
  services,
  value,
  onChange,
  form,
  testId,
}: {
  label: string;
  noneLabel: string;
  services: readonly { id: string; name: string }[];
  value: string;
  onChange: (serviceId: string) => void;
  form: AdminForm;
  testId: string;
}) {
  return (
    <label>
      <span>{label}</span>
      <select
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        {...form.describe('/serviceId')}
      >
        <option value="">{noneLabel}</option>
        {services.map((service) => (
          <option key={service.id} value={service.id}>
            {service.name}
          </option>
        ))}
      </select>
      <FieldError form={form} path="/serviceId" />
    </label>
  );
}
