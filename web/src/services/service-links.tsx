import { Link } from '../router';
import { servicePath } from './services-page';

/** Services as links to their pages, comma-separated: "Checkout, Search". */
export function ServiceLinks({ services }: { services: readonly { id: string; name: string }[] }) {
  return (
    <>
      {services.map((service, index) => (
        <span key={service.id}>
          {index > 0 && ', '}
          <Link to={servicePath(service.id)}>{service.name}</Link>
        </span>
      ))}
    </>
  );
}
