import '../styles.css';
import './components/zz-console-app';
