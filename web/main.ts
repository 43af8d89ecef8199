import './styles.css';
import './components/zz-app';
